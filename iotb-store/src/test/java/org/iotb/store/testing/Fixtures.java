package org.iotb.store.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.iotb.catalog.Catalog;
import org.iotb.store.blob.LocalBlobStore;
import org.iotb.store.db.Database;
import org.iotb.store.jobs.JobQueue;
import org.iotb.store.jobs.JobSettings;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.DatabaseWorkspace;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Role;
import org.iotb.store.workspace.User;
import org.iotb.store.workspace.WorkspaceSettings;

/**
 * A ready workspace for tests: a database of the given kind, a blob store and scratch under a temp data directory,
 * two organisations (A, B) and one user of each role (client-viewers of A and of B), and the example product's
 * files (examples/smart-lock). {@link Env#startQueue} starts a job queue on it.
 */
public final class Fixtures {
    public static final char[] PASSWORD = "correct horse battery".toCharArray();

    private Fixtures() {
    }

    /** The repository's root (the directory with examples/), from the module's working directory. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/smart-lock"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("examples/smart-lock not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public static Path example() {
        return repoRoot().resolve("examples/smart-lock");
    }

    public static Path exampleImage(String name) {
        return example().resolve("firmware").resolve(name);
    }

    public static String exampleProfile() throws IOException {
        return Files.readString(example().resolve("profile.yaml"), StandardCharsets.UTF_8);
    }

    /**
     * The example's declarations without the evidence entries that cite files (the workspace has no document store
     * yet and refuses them); URLs stay.
     */
    public static String exampleDeclarations() throws IOException {
        String yaml = Files.readString(example().resolve("declarations.yaml"), StandardCharsets.UTF_8);
        return yaml.replaceAll(", evidence: \\[docs/[^\\]]*\\]", "");
    }

    /** A workspace with its accounts (bcrypt cost 4: fast). */
    public static Env workspace(Database.Kind kind, Path data) throws IOException {
        Database db = Databases.open(kind, data);
        LocalBlobStore blobs = LocalBlobStore.inDataDir(data);
        WorkspaceSettings settings = WorkspaceSettings.defaults(data).withBcryptCost(4);
        JobQueue.Enqueuer enqueuer = JobQueue.enqueuer(db);
        DatabaseWorkspace ws = new DatabaseWorkspace(db, blobs, enqueuer, settings);
        ws.bootstrapAdmin("admin", PASSWORD);
        Actor admin = ws.authenticate("admin", PASSWORD).orElseThrow();
        long orgA = ws.createOrganisation(admin, "Org A").id();
        long orgB = ws.createOrganisation(admin, "Org B").id();
        Actor assessor = actor(ws.createUser(admin, "tess", PASSWORD, Role.ASSESSOR, null));
        Actor reviewer = actor(ws.createUser(admin, "rita", PASSWORD, Role.REVIEWER, null));
        Actor viewerA = actor(ws.createUser(admin, "alice", PASSWORD, Role.CLIENT_VIEWER, orgA));
        Actor viewerB = actor(ws.createUser(admin, "bob", PASSWORD, Role.CLIENT_VIEWER, orgB));
        return new Env(data, db, blobs, settings, ws, admin, assessor, reviewer, viewerA, viewerB, orgA, orgB);
    }

    private static Actor actor(User u) {
        return new Actor(u.id(), u.username(), u.role(), u.organisationId());
    }

    /** Everything a workspace test needs; closing stops the queues and closes the database. */
    public record Env(Path data, Database db, LocalBlobStore blobs, WorkspaceSettings settings, DatabaseWorkspace ws,
                      Actor admin, Actor assessor, Actor reviewer, Actor viewerA, Actor viewerB, long orgA, long orgB)
            implements AutoCloseable {

        /** A queue with this worker name and a short poll and heartbeat (tests wait less). */
        public JobQueue.Running startQueue(String worker, int threads) {
            JobSettings s = JobSettings.defaults(data).withWorkerName(worker).withThreads(threads)
                    .withTiming(Duration.ofMillis(200), Duration.ofSeconds(1));
            return JobQueue.start(db, blobs, s, Catalog.load());
        }

        /** Waits until the run satisfies the condition; fails after the timeout with the run's last state. */
        public AssessmentRun await(long runId, Predicate<AssessmentRun> condition, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            AssessmentRun run = ws.assessment(admin, runId);
            while (!condition.test(run)) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("assessment " + runId + " did not get there in " + timeout + ": " + run);
                }
                Thread.sleep(100);
                run = ws.assessment(admin, runId);
            }
            return run;
        }

        /** Waits until the run is done or failed. */
        public AssessmentRun awaitFinished(long runId, Duration timeout) throws InterruptedException {
            return await(runId, r -> r.status() == JobStatus.DONE || r.status() == JobStatus.FAILED, timeout);
        }

        @Override
        public void close() {
            ws.close();
            db.close();
        }
    }
}
