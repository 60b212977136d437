package org.iotb.store.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.iotb.store.db.Database;
import org.iotb.store.testing.Fixtures;
import org.iotb.store.testing.HostileArchives;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Product;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queue under stress, on both databases: hostile archives (from iotb-unpack's tests) end as runs with a reason
 * and the worker goes on; a worker stopped without grace mid-job leaves its run to the next worker, which finishes it
 * once; ten uploads at the same time are all stored and assessed.
 */
@Tag("integration")
class QueueRobustnessTest {

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void hostileArchivesEndWithAReasonAndTheWorkerGoesOn(Database.Kind kind, @TempDir Path data) throws Exception {
        Path hostile = Files.createDirectories(data.resolve("hostile"));
        List<Path> archives = new ArrayList<>();
        for (var e : HostileArchives.all(hostile).entrySet()) {
            archives.add(Files.write(hostile.resolve(e.getKey()), e.getValue()));
        }
        try (Fixtures.Env env = Fixtures.workspace(kind, data);
             JobQueue.Running queue = env.startQueue("worker-h", 2)) {
            Product p = env.ws().createProduct(env.assessor(), env.orgA(), "Lock", Fixtures.exampleProfile());
            List<Long> runs = new ArrayList<>();
            for (Path a : archives) {
                try (InputStream in = Files.newInputStream(a)) {
                    runs.add(env.ws().uploadFirmware(env.assessor(), p.id(), a.getFileName().toString(), a.getFileName().toString(), in).id());
                }
            }
            for (long id : runs) {
                AssessmentRun run = env.awaitFinished(id, Duration.ofMinutes(3));
                if (run.status() == JobStatus.FAILED) {
                    assertThat(run.statusDetail()).as("a failed run says why").isNotBlank().doesNotStartWith("internal error");
                } else {
                    assertThat(run.status()).isEqualTo(JobStatus.DONE);
                    assertThat(run.assessmentSha256()).as("a done run has its assessment").isNotNull();
                }
            }
            assertThat(Path.of("/tmp/evil.txt")).doesNotExist();
            assertThat(HostileArchives.victim(hostile)).isEmptyDirectory();
            // the worker is alive: a real image after the hostile ones is assessed
            AssessmentRun good;
            try (InputStream in = Files.newInputStream(Fixtures.exampleImage("sl100-1.5.0.bin"))) {
                good = env.ws().uploadFirmware(env.assessor(), p.id(), "1.5.0", "sl100-1.5.0.bin", in);
            }
            assertThat(env.awaitFinished(good.id(), Duration.ofMinutes(5)).status()).isEqualTo(JobStatus.DONE);
            assertThat(queue.running()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void aRunLeftByAStoppedWorkerIsFinishedOnceByTheNext(Database.Kind kind, @TempDir Path data) throws Exception {
        try (Fixtures.Env env = Fixtures.workspace(kind, data)) {
            Product p = env.ws().createProduct(env.assessor(), env.orgA(), "Lock", Fixtures.exampleProfile());
            JobQueue.Running first = env.startQueue("worker-dies", 1);
            AssessmentRun queued;
            try (InputStream in = Files.newInputStream(Fixtures.exampleImage("sl100-1.5.0.bin"))) {
                queued = env.ws().uploadFirmware(env.assessor(), p.id(), "1.5.0", "sl100-1.5.0.bin", in);
            }
            env.await(queued.id(), r -> r.status() == JobStatus.RUNNING && r.stage() != null && !r.stage().equals("starting"),
                    Duration.ofMinutes(2));
            first.stop(Duration.ZERO); // no grace: the job is mid-way
            AssessmentRun givenBack = env.ws().assessment(env.admin(), queued.id());
            assertThat(givenBack.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(givenBack.statusDetail()).contains("worker-dies");

            try (JobQueue.Running second = env.startQueue("worker-next", 1)) {
                AssessmentRun done = env.awaitFinished(queued.id(), Duration.ofMinutes(5));
                assertThat(done.status()).as(done.statusDetail()).isEqualTo(JobStatus.DONE);
                assertThat(first.awaitIdle(Duration.ofMinutes(5))).as("the abandoned execution ends").isTrue();
                AssessmentRun later = env.ws().assessment(env.admin(), queued.id());
                assertThat(later).as("the abandoned execution's late result is refused").isEqualTo(done);
                record Row(int attempt, String worker) {
                }
                Row row = env.db().jdbi().withHandle(h -> h.createQuery("SELECT attempt, worker FROM assessment_runs WHERE id = :id")
                        .bind("id", queued.id()).map((rs, ctx) -> new Row(rs.getInt(1), rs.getString(2))).one());
                assertThat(row.worker()).isEqualTo("worker-next");
                assertThat(row.attempt()).isEqualTo(3); // claimed, given back, claimed again
                int left = env.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scheduled_tasks").mapTo(Integer.class).one());
                assertThat(left).as("the finished job left the queue").isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void tenParallelUploadsAreAllStoredAndAssessed(Database.Kind kind, @TempDir Path data) throws Exception {
        try (Fixtures.Env env = Fixtures.workspace(kind, data);
             JobQueue.Running queue = env.startQueue("worker-p", 2)) {
            Product p = env.ws().createProduct(env.assessor(), env.orgA(), "Lock", Fixtures.exampleProfile());
            byte[] same = noise(1);
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<AssessmentRun>> uploads = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                // two of the ten are the same bytes: stored once
                byte[] bytes = n < 2 ? same : noise(100 + n);
                uploads.add(pool.submit(() -> env.ws().uploadFirmware(env.assessor(), p.id(), "v" + n, "fw" + n + ".bin",
                        new ByteArrayInputStream(bytes))));
            }
            List<Long> runs = new ArrayList<>();
            for (Future<AssessmentRun> f : uploads) {
                runs.add(f.get().id());
            }
            pool.shutdown();
            assertThat(runs).doesNotHaveDuplicates();
            assertThat(env.ws().versions(env.viewerA(), p.id())).hasSize(10);
            for (long id : runs) {
                AssessmentRun run = env.awaitFinished(id, Duration.ofMinutes(5));
                assertThat(run.status() == JobStatus.DONE ? run.assessmentSha256() : run.statusDetail())
                        .as("run %d ends with a result or a reason", id).isNotBlank();
            }
            int blobRows = env.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT sha256) FROM firmware_versions")
                    .mapTo(Integer.class).one());
            assertThat(blobRows).isEqualTo(9);
            try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
                long images = files.filter(Files::isRegularFile).filter(f -> !f.startsWith(data.resolve("blobs/tmp"))).count();
                assertThat(images).as("9 distinct images plus the stored assessments").isGreaterThanOrEqualTo(9);
            }
        }
    }

    private static byte[] noise(long seed) {
        byte[] b = new byte[64 * 1024];
        new Random(seed).nextBytes(b);
        return b;
    }



}
