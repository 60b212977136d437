package org.iotb.store.workspace;

import java.time.Instant;

/** A reviewer's sign-off of an assessment: {@code decision} is "approved" or "rejected". */
public record Review(long id, long assessmentId, String reviewer, String decision, String comment, Instant at) {
}
