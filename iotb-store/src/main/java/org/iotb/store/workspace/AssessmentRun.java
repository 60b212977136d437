package org.iotb.store.workspace;

import java.time.Instant;
import java.util.Map;

/**
 * One assessment of a firmware version: its inputs (the product profile and the declarations version it used), the
 * tool version and vulnerability-data snapshot it ran with, its state on the job queue, and when done the failed
 * mandatory requirements per standard id and the blob of its assessment JSON. {@code stage} and {@code progress}
 * (0-100, null when unknown) say what a running job is doing; {@code statusDetail} says why a failed job failed.
 * {@code reviewStatus}: null (not reviewed), "approved" or "rejected".
 */
public record AssessmentRun(long id, long productId, long firmwareVersionId, Long declarationsVersionId,
                            JobStatus status, String stage, Integer progress, String statusDetail,
                            String toolVersion, String vulnerabilityData, Map<String, Integer> failedMandatory,
                            String assessmentSha256, String reviewStatus, Instant queuedAt, Instant startedAt,
                            Instant finishedAt) {
}
