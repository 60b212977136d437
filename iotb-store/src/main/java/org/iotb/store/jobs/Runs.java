package org.iotb.store.jobs;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The state changes of an assessment run on the queue, each one statement. An execution {@link #claim}s the run and
 * gets an attempt number; every later write names that attempt, so an execution that lost the run (its worker was
 * declared dead, or gave it back at shutdown) can neither report progress nor finish it: a run is finished once.
 */
final class Runs {
    private final Jdbi jdbi;

    Runs(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Takes the run for this worker; the attempt number, or -1 when the run is finished (or gone): nothing to do. */
    int claim(long runId, String worker) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE assessment_runs SET status = 'running', attempt = attempt + 1, worker = :w,"
                            + " started_at = :now, stage = 'starting', progress = 0, status_detail = NULL"
                            + " WHERE id = :id AND status IN ('queued', 'running')")
                    .bind("w", worker).bind("now", now()).bind("id", runId).execute();
            if (n == 0) {
                return -1;
            }
            return h.createQuery("SELECT attempt FROM assessment_runs WHERE id = :id").bind("id", runId)
                    .mapTo(Integer.class).one();
        });
    }

    void progress(long runId, int attempt, String stage, Integer progress) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE assessment_runs SET stage = :stage, progress = :p"
                        + " WHERE id = :id AND attempt = :a AND status = 'running'")
                .bind("stage", truncate(stage, 200)).bind("p", progress).bind("id", runId).bind("a", attempt).execute());
    }

    /** Records the result; false when this execution no longer holds the run (nothing written). */
    boolean done(long runId, int attempt, String toolVersion, String vulnerabilityData, String failedMandatoryJson,
                 String assessmentSha256, String evidenceSha256, String detail) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE assessment_runs SET status = 'done', stage = NULL,"
                        + " progress = 100, status_detail = :detail, tool_version = :tool, vulnerability_data = :vuln,"
                        + " failed_mandatory = :failed, assessment_sha256 = :sha, evidence_sha256 = :evidence,"
                        + " finished_at = :now WHERE id = :id AND attempt = :a AND status = 'running'")
                .bind("detail", truncate(detail, 4000)).bind("tool", toolVersion).bind("vuln", vulnerabilityData)
                .bind("failed", failedMandatoryJson).bind("sha", assessmentSha256).bind("evidence", evidenceSha256)
                .bind("now", now()).bind("id", runId).bind("a", attempt).execute()) == 1;
    }

    /** Records why the run failed (and the assessment, when there is one to show); false when no longer held. */
    boolean failed(long runId, int attempt, String reason, String assessmentSha256, String toolVersion) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE assessment_runs SET status = 'failed', stage = NULL,"
                        + " progress = NULL, status_detail = :reason, assessment_sha256 = :sha, tool_version = :tool,"
                        + " finished_at = :now WHERE id = :id AND attempt = :a AND status = 'running'")
                .bind("reason", truncate(reason == null ? "failed" : reason, 4000)).bind("sha", assessmentSha256)
                .bind("tool", toolVersion).bind("now", now()).bind("id", runId).bind("a", attempt).execute()) == 1;
    }

    /**
     * Puts a run this worker holds back on the queue (its execution is abandoned: a later finish of it is refused),
     * and frees its scheduler row so another worker takes it at once.
     */
    void giveBack(long runId, String why) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE assessment_runs SET status = 'queued', attempt = attempt + 1, stage = NULL,"
                            + " progress = NULL, status_detail = :why WHERE id = :id AND status = 'running'")
                    .bind("why", why).bind("id", runId).execute();
            h.createUpdate("UPDATE scheduled_tasks SET picked = :f, picked_by = NULL, last_heartbeat = NULL,"
                            + " version = version + 1 WHERE task_instance = :id AND picked = :t")
                    .bind("f", false).bind("t", true).bind("id", Long.toString(runId)).execute();
        });
    }

    /** A run whose worker died is queued again (db-scheduler revives its execution). */
    void requeueDead(long runId, String deadWorker) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE assessment_runs SET status = 'queued', attempt = attempt + 1,"
                        + " stage = NULL, progress = NULL, status_detail = :why WHERE id = :id AND status = 'running'")
                .bind("why", "its worker " + (deadWorker == null ? "" : deadWorker + " ") + "stopped; queued again")
                .bind("id", runId).execute());
    }

    /** The run's kind and id of every queued run that has no scheduler row (enqueueing failed or the row was lost). */
    Map<Long, String> orphaned() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, kind FROM assessment_runs r WHERE status = 'queued'"
                        + " AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t WHERE t.task_name = r.kind"
                        + " AND t.task_instance = " + (castIdToText(h)) + ")")
                .setMapKeyColumn("id").setMapValueColumn("kind")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<Long, String>>() { }));
    }

    /** The runs this worker holds. */
    java.util.List<Long> heldBy(String worker) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM assessment_runs WHERE status = 'running' AND worker = :w")
                .bind("w", worker).mapTo(Long.class).list());
    }

    private static String castIdToText(org.jdbi.v3.core.Handle h) {
        return "CAST(r.id AS TEXT)"; // the same spelling on SQLite and PostgreSQL
    }

    static long now() {
        return Instant.now().toEpochMilli();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
