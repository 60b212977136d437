package org.iotb.store.workspace;

import java.time.Instant;

/** A local account (the password hash never leaves the store). */
public record User(long id, String username, Role role, Long organisationId, Instant createdAt) {
}
