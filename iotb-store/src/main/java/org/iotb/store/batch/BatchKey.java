package org.iotb.store.batch;

import java.util.List;
import java.util.TreeSet;
import org.iotb.model.Sha256;

/**
 * What makes two assessments of a batch the same work: the image's bytes, the pipeline that judges them (the tool's
 * version), the profile, the declarations (if any) and the standards asked for. Its digest names the result in the
 * database and the job on the queue, so enqueuing the same image again (in this batch or the next) finds the result
 * or the job already there instead of doing the work twice.
 */
public record BatchKey(String imageSha256, String pipelineVersion, String profileSha256, String declarationsSha256,
                       List<String> standards) {

    public BatchKey {
        standards = standards == null ? List.of() : List.copyOf(new TreeSet<>(standards));
    }

    /** The key's own SHA-256: 64 lowercase hex digits, fit for a task instance id and a primary key. */
    public String digest() {
        return Sha256.of("iotb-batch/1\nimage " + imageSha256 + "\npipeline " + pipelineVersion + "\nprofile "
                + profileSha256 + "\ndeclarations " + (declarationsSha256 == null ? "-" : declarationsSha256)
                + "\nstandards " + String.join(",", standards) + "\n");
    }

    /** The version of the running iotb (the jar's manifest), or "dev" when it runs from classes. */
    public static String currentPipelineVersion() {
        String v = org.iotb.pipeline.AssessmentPipeline.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
