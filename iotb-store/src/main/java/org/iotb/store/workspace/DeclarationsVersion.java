package org.iotb.store.workspace;

import java.time.Instant;

/**
 * One saved revision of a product's declarations (the YAML `iotb declarations init` writes; the IXIT's provision
 * answers are declarations too). Revisions are numbered from 1 and never changed: an edit is a new revision.
 */
public record DeclarationsVersion(long id, long productId, int number, String yaml, String author, String comment,
                                  Instant createdAt) {
}
