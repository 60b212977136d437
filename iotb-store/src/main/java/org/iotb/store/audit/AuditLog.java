package org.iotb.store.audit;

import java.time.Instant;
import java.util.List;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AuditEntry;
import org.jdbi.v3.core.Handle;

/**
 * The append-only audit log: {@link #append} is the only write, and it runs on the caller's handle so the entry
 * commits or rolls back with the change it records. There is no update or delete here (and the database's triggers
 * refuse both, migration V2).
 */
public final class AuditLog {
    private AuditLog() {
    }

    /**
     * Records that {@code by} did {@code action} to {@code subject} ("product 7", "assessment 12"); {@code detail} says
     * what changed. {@code organisationId}/{@code productId} say whose thing it is (null: the workspace's own, such as
     * an account), which decides who may read the entry.
     */
    public static void append(Handle h, Actor by, String action, String subject, String detail, Long organisationId,
                              Long productId) {
        h.createUpdate("INSERT INTO audit_log (at, actor, action, subject, detail, organisation_id, product_id)"
                        + " VALUES (:at, :actor, :action, :subject, :detail, :org, :product)")
                .bind("at", Instant.now().toEpochMilli())
                .bind("actor", by == null ? "system" : by.username())
                .bind("action", action)
                .bind("subject", subject)
                .bind("detail", detail)
                .bind("org", organisationId)
                .bind("product", productId)
                .execute();
    }

    /** Which entries a reader sees: all (admins), those about products (staff), or one organisation's (its clients). */
    public enum Scope { ALL, PRODUCTS, ORGANISATION }

    /** The newest entries first, at most {@code limit} (1-10000). */
    public static List<AuditEntry> read(Handle h, Scope scope, Long organisationId, int limit) {
        String where = switch (scope) {
            case ALL -> "";
            case PRODUCTS -> " WHERE organisation_id IS NOT NULL";
            case ORGANISATION -> " WHERE organisation_id = :org";
        };
        return h.createQuery("SELECT id, at, actor, action, subject, detail FROM audit_log" + where
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("org", organisationId)
                .bind("limit", Math.max(1, Math.min(limit, 10_000)))
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }
}
