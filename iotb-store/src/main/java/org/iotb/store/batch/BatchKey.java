package org.iotb.store.batch;

import java.util.List;
import java.util.TreeSet;
import org.iotb.model.Sha256;
import org.iotb.pipeline.stage.BuildIdentity;
import org.iotb.pipeline.stage.VulnDataIdentity;

/**
 * What makes two assessments of a batch the same work: the image's bytes, the pipeline that judges them
 * ({@link BuildIdentity}: the version, and for a snapshot the jar's hash), the profile, the declarations bundle (if
 * any), the standards asked for and the vulnerability data ({@link VulnDataIdentity}). Its digest names the result in the
 * database and the job on the queue, so enqueuing the same image again (in this batch or the next) finds the result
 * or the job already there instead of doing the work twice. New vulnerability data or changed declarations make a
 * new key, so the image is assessed again; its stored stages (evidence above all) are reused.
 */
public record BatchKey(String imageSha256, String pipelineVersion, String profileSha256, String declarationsSha256,
                       List<String> standards, String vulnerabilityData) {

    public BatchKey {
        standards = standards == null ? List.of() : List.copyOf(new TreeSet<>(standards));
    }

    /** The key's own SHA-256: 64 lowercase hex digits, fit for a task instance id and a primary key. */
    public String digest() {
        return Sha256.of("iotb-batch/1\nimage " + imageSha256 + "\npipeline " + pipelineVersion + "\nprofile "
                + profileSha256 + "\ndeclarations " + (declarationsSha256 == null ? "-" : declarationsSha256)
                + "\nstandards " + String.join(",", standards) + "\nvulnerability-data " + vulnerabilityData + "\n");
    }

    /** The running pipeline's identity, as the stage keys use it. */
    public static String currentPipelineVersion() {
        return BuildIdentity.current();
    }
}
