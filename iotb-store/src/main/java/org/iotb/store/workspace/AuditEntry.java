package org.iotb.store.workspace;

import java.time.Instant;

/**
 * One line of the append-only audit log: who did what to which thing. Every change to declarations, verdict
 * overrides, sign-offs, accounts and products writes one; nothing updates or deletes them.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String detail) {
}
