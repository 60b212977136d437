package org.iotb.store.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.iotb.model.Json;
import org.iotb.store.db.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * The batch tables (db/batch/common/V*.sql, one file for both databases with the workspace's type placeholders,
 * migrated by their own Flyway history so they never collide with the workspace's migrations): results by {@link BatchKey}, the items of each batch, and every attempt a
 * worker made at a result. All SQL binds its parameters. Safe for many processes: a result moves to "done" once
 * (a late finisher of a job that was already re-run changes nothing), and enqueueing the same key twice keeps one
 * row.
 */
public final class BatchStore {
    /** db-scheduler's table for the batch jobs. */
    public static final String TASK_TABLE = "batch_tasks";

    private final Jdbi jdbi;
    private final boolean postgres;
    private final Clock clock;

    public BatchStore(DataSource dataSource, boolean postgres) {
        this(dataSource, postgres, Clock.systemUTC());
    }

    BatchStore(DataSource dataSource, boolean postgres, Clock clock) {
        this.postgres = postgres;
        this.clock = clock;
        Flyway.configure().dataSource(dataSource).table("batch_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .locations("classpath:db/batch/common")
                .placeholders(Database.placeholders(postgres ? Database.Kind.POSTGRESQL : Database.Kind.SQLITE))
                .load().migrate();
        this.jdbi = Jdbi.create(dataSource);
    }

    public boolean postgres() {
        return postgres;
    }

    /** What the stages of a result's assessment did ("evidence reused, match computed, …"), null when not run. */
    public String stages(String resultKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT stages FROM batch_result WHERE result_key = :k").bind("k", resultKey)
                .mapTo(String.class).findOne().orElse(null));
    }

    /** What a worker needs to run a result's assessment. */
    public record Job(String resultKey, String imageSha256, String imageName, String profileSha256, String profileName,
                      String declarationsSha256, String declarationsName, List<String> standards, String status) {
    }

    /** A result as the batch follower and the summary read it. */
    public record Result(String resultKey, String imageSha256, String status, String stage, String detail,
                         ImageOutcome outcome, String assessmentSha256, Long durationMs, String worker) {
        public boolean finished() {
            return "done".equals(status) || "failed".equals(status);
        }
    }

    /** One image of a batch: position, the path as given, its result, and whether that was reused. */
    public record Item(int position, String image, String resultKey, boolean reused) {
    }

    /** One attempt of a worker at a result. */
    public record Attempt(String attemptId, String resultKey, String worker, long startedAt, Long finishedAt, String outcome) {
    }

    /** What {@link #enqueue} decided for one image. */
    public record Enqueued(String resultKey, boolean reused, boolean needsJob) {
    }

    /** A new batch id. */
    public String newBatch() {
        return UUID.randomUUID().toString();
    }

    /**
     * Adds an image to a batch: creates its result row (queued) unless one exists; a done result is reused, a failed
     * one is queued again (so re-running a batch retries what failed). {@code needsJob}: the caller must make sure a
     * job for the key is on the queue (idempotent: the key is the job's instance id).
     */
    public Enqueued enqueue(String batchId, int position, String image, BatchKey key, String imageName, String profileName,
                            String declarationsName) {
        String k = key.digest();
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO batch_result (result_key, image_sha256, image_name, profile_sha256, profile_name,"
                            + " declarations_sha256, declarations_name, standards, pipeline_version, status, queued_at)"
                            + " VALUES (:k, :img, :imgName, :prof, :profName, :decl, :declName, :std, :pv, 'queued', :now)"
                            + " ON CONFLICT (result_key) DO NOTHING")
                    .bind("k", k).bind("img", key.imageSha256()).bind("imgName", imageName)
                    .bind("prof", key.profileSha256()).bind("profName", profileName)
                    .bind("decl", key.declarationsSha256()).bind("declName", declarationsName)
                    .bind("std", String.join(",", key.standards())).bind("pv", key.pipelineVersion()).bind("now", now)
                    .execute();
            String status = h.createQuery("SELECT status FROM batch_result WHERE result_key = :k").bind("k", k)
                    .mapTo(String.class).one();
            boolean reused = "done".equals(status);
            if ("failed".equals(status)) {
                h.createUpdate("UPDATE batch_result SET status = 'queued', detail = NULL, stage = NULL, queued_at = :now"
                        + " WHERE result_key = :k AND status = 'failed'").bind("k", k).bind("now", now).execute();
            }
            h.createUpdate("INSERT INTO batch_item (batch_id, position, image, result_key, reused) VALUES (:b, :p, :i, :k, :r)")
                    .bind("b", batchId).bind("p", position).bind("i", image).bind("k", k).bind("r", reused ? 1 : 0).execute();
            return new Enqueued(k, reused, !reused);
        });
    }

    public Optional<Job> job(String resultKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT result_key, image_sha256, image_name, profile_sha256, profile_name,"
                        + " declarations_sha256, declarations_name, standards, status FROM batch_result WHERE result_key = :k")
                .bind("k", resultKey)
                .map((rs, ctx) -> new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), splitStandards(rs.getString(8)), rs.getString(9)))
                .findOne());
    }

    /** A worker starts an attempt: the result is running (unless already done) and the attempt is recorded. */
    public String startAttempt(String resultKey, String worker) {
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO batch_attempt (attempt_id, result_key, worker, started_at) VALUES (:a, :k, :w, :now)")
                    .bind("a", id).bind("k", resultKey).bind("w", worker).bind("now", now).execute();
            h.createUpdate("UPDATE batch_result SET status = 'running', worker = :w, started_at = :now, stage = NULL"
                    + " WHERE result_key = :k AND status <> 'done'").bind("k", resultKey).bind("w", worker).bind("now", now).execute();
        });
        return id;
    }

    /** What a running job is doing (shown by the batch follower); only while it runs. */
    public void stage(String resultKey, String stage) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE batch_result SET stage = :s WHERE result_key = :k AND status = 'running'")
                .bind("s", stage.length() > 200 ? stage.substring(0, 200) : stage).bind("k", resultKey).execute());
    }

    /**
     * The attempt's result. The first finisher wins: a result already done stays as it is and this attempt is
     * recorded as "superseded". Returns whether this attempt's result was kept.
     */
    public boolean finish(String attemptId, String resultKey, String worker, boolean done, String detail,
                          ImageOutcome outcome, String assessmentSha256, long durationMs, String stages) {
        long now = clock.millis();
        String json = outcome == null ? null : toJson(outcome);
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE batch_result SET status = :st, detail = :d, outcome_json = :o, assessment_sha256 = :a,"
                            + " duration_ms = :ms, worker = :w, finished_at = :now, stage = NULL, stages = :stages"
                            + " WHERE result_key = :k AND status <> 'done'")
                    .bind("st", done ? "done" : "failed").bind("d", detail).bind("o", json).bind("a", assessmentSha256)
                    .bind("ms", durationMs).bind("w", worker).bind("now", now).bind("k", resultKey).bind("stages", stages).execute();
            h.createUpdate("UPDATE batch_attempt SET finished_at = :now, outcome = :o WHERE attempt_id = :a")
                    .bind("now", now).bind("o", n == 1 ? (done ? "done" : "failed") : "superseded").bind("a", attemptId).execute();
            return n == 1;
        });
    }

    public List<Item> items(String batchId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT position, image, result_key, reused FROM batch_item WHERE batch_id = :b"
                        + " ORDER BY position").bind("b", batchId)
                .map((rs, ctx) -> new Item(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1)).list());
    }

    /** The results of a batch's items, by result key. */
    public Map<String, Result> results(String batchId) {
        Map<String, Result> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT r.result_key, r.image_sha256, r.status, r.stage, r.detail, r.outcome_json,"
                        + " r.assessment_sha256, r.duration_ms, r.worker FROM batch_result r WHERE r.result_key IN"
                        + " (SELECT result_key FROM batch_item WHERE batch_id = :b)").bind("b", batchId)
                .map((rs, ctx) -> new Result(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        fromJson(rs.getString(6)), rs.getString(7), rs.getObject(8) == null ? null : rs.getLong(8), rs.getString(9)))
                .forEach(r -> out.put(r.resultKey(), r)));
        return out;
    }

    public List<Attempt> attempts(String resultKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT attempt_id, result_key, worker, started_at, finished_at, outcome"
                        + " FROM batch_attempt WHERE result_key = :k ORDER BY started_at").bind("k", resultKey)
                .map((rs, ctx) -> new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6))).list());
    }

    private static List<String> splitStandards(String s) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            for (String p : s.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.trim());
                }
            }
        }
        return out;
    }

    private static String toJson(ImageOutcome o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImageOutcome fromJson(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(s, ImageOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outcome in the batch database", e);
        }
    }
}
