package org.iotb.store.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.iotb.store.db.Database;
import org.iotb.store.testing.Fixtures;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Product;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A process that died holding a job (killed, machine lost) leaves its run {@code running} and its scheduler row
 * picked with a heartbeat that stops: the next queue finds the silent execution dead, puts the run back on the
 * queue and finishes it.
 */
@Tag("integration")
class DeadWorkerTest {

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void aRunHeldByADeadProcessIsTakenOverAndFinished(Database.Kind kind, @TempDir Path data) throws Exception {
        try (Fixtures.Env env = Fixtures.workspace(kind, data)) {
            Product p = env.ws().createProduct(env.assessor(), env.orgA(), "Lock", Fixtures.exampleProfile());
            AssessmentRun queued;
            try (InputStream in = Files.newInputStream(Fixtures.exampleImage("sl100-1.4.2-unit1.bin"))) {
                queued = env.ws().uploadFirmware(env.assessor(), p.id(), "1.4.2", "sl100-1.4.2-unit1.bin", in);
            }
            // what a process killed mid-job leaves behind: its claim on the run, its pick of the job, a stale heartbeat
            Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
            env.db().jdbi().useTransaction(h -> {
                h.createUpdate("UPDATE assessment_runs SET status = 'running', attempt = 1, worker = 'ghost', stage = 'unpacking'"
                        + " WHERE id = :id").bind("id", queued.id()).execute();
                h.createUpdate("UPDATE scheduled_tasks SET picked = :t, picked_by = 'ghost', last_heartbeat = :beat,"
                        + " version = version + 1 WHERE task_instance = :id")
                        .bind("t", true).bind("beat", longAgo).bind("id", Long.toString(queued.id())).execute();
            });
            try (JobQueue.Running survivor = env.startQueue("survivor", 1)) {
                AssessmentRun done = env.awaitFinished(queued.id(), Duration.ofMinutes(5));
                assertThat(done.status()).as(done.statusDetail()).isEqualTo(JobStatus.DONE);
                String worker = env.db().jdbi().withHandle(h -> h.createQuery("SELECT worker FROM assessment_runs WHERE id = :id")
                        .bind("id", queued.id()).mapTo(String.class).one());
                assertThat(worker).isEqualTo("survivor");
                int left = env.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scheduled_tasks").mapTo(Integer.class).one());
                assertThat(left).isZero();
            }
        }
    }
}
