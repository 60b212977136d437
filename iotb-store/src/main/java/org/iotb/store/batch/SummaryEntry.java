package org.iotb.store.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One image of a batch as OUT/summary.json and OUT/summary.csv state it. THE FIELD NAMES ARE A CONTRACT
 * (docs/cluster.md, "summary.json"): {@code image} the path as given on the command line or in the list,
 * {@code sha256} of its bytes, {@code status} "done" or "failed", {@code failedMandatory} standard id → number of
 * failed mandatory requirements (empty when failed), {@code durationSeconds} of the assessment that produced the
 * result, {@code reused} true when that assessment ran before this batch (same image, pipeline version, profile,
 * declarations and standards). {@code detail}, only on failed entries, says why the image failed.
 */
@JsonPropertyOrder({"image", "sha256", "status", "failedMandatory", "durationSeconds", "reused", "detail"})
public record SummaryEntry(String image, String sha256, String status, Map<String, Integer> failedMandatory,
                           double durationSeconds, boolean reused,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public SummaryEntry {
        failedMandatory = failedMandatory == null ? Map.of() : failedMandatory;
    }

    public boolean done() {
        return DONE.equals(status);
    }

    public int failedMandatoryTotal() {
        return failedMandatory.values().stream().mapToInt(Integer::intValue).sum();
    }
}
