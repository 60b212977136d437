package org.iotb.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.iotb.server.ops.Operations;
import org.iotb.store.blob.LocalBlobStore;
import org.iotb.store.db.Database;
import org.iotb.store.jobs.JobQueue;
import org.iotb.store.jobs.JobSettings;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.DatabaseWorkspace;
import org.iotb.store.workspace.Role;
import org.iotb.store.workspace.WorkspaceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code iotb serve} runs, assembled and taken down in one place: the database (SQLite in the data
 * directory, or PostgreSQL by URL), the blob store under {@code <data>/blobs}, the job queue working in this process,
 * the {@link DatabaseWorkspace} over them and the web server. {@link #close} stops in the safe order: the web first
 * (no new uploads), then the queue with a grace period (running jobs finish or are given back to the queue), then
 * the database.
 */
public final class ServerStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerStack.class);

    private final Database database;
    private final JobQueue.Running queue;
    private final DatabaseWorkspace workspace;
    private final RunningServer server;
    private final Duration grace;
    private boolean closed;

    private ServerStack(Database database, JobQueue.Running queue, DatabaseWorkspace workspace, RunningServer server,
                        Duration grace) {
        this.database = database;
        this.queue = queue;
        this.workspace = workspace;
        this.server = server;
        this.grace = grace;
    }

    /**
     * Opens the stack. {@code jdbcUrl} null: SQLite {@code <dataDir>/iotb.db}. {@code bcryptCost} 0: the production
     * cost. The server config's data directory must be {@code dataDir}.
     */
    public static ServerStack open(ServerConfig config, String jdbcUrl, JobSettings jobs, int bcryptCost, Duration grace)
            throws IOException {
        Path dataDir = config.dataDir();
        Database db = Database.open(jdbcUrl, dataDir);
        JobQueue.Running queue = null;
        try {
            LocalBlobStore blobs = LocalBlobStore.inDataDir(dataDir);
            WorkspaceSettings settings = WorkspaceSettings.defaults(dataDir).withUploadLimit(config.uploadLimit());
            if (bcryptCost > 0) {
                settings = settings.withBcryptCost(bcryptCost);
            }
            queue = JobQueue.start(db, blobs, jobs);
            DatabaseWorkspace ws = new DatabaseWorkspace(db, blobs, queue.enqueuer(), settings);
            RunningServer server = ServerApp.start(config.withOperations(operations(db, queue)), ws);
            return new ServerStack(db, queue, ws, server, grace);
        } catch (IOException | RuntimeException e) {
            if (queue != null) {
                queue.stop(Duration.ZERO);
            }
            db.close();
            throw e;
        }
    }

    /** /health and /metrics read the database and the queue of this process. */
    static Operations operations(Database db, JobQueue.Running queue) {
        return new Operations() {
            @Override
            public boolean databaseReachable() {
                return db.reachable();
            }

            @Override
            public boolean queueRunning() {
                return queue.running();
            }

            @Override
            public Map<String, Long> assessmentsByStatus() {
                Map<String, Long> counts = new LinkedHashMap<>();
                db.jdbi().useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM assessment_runs GROUP BY status")
                        .map((rs, c) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                        .forEach(e -> counts.put(e.getKey(), e.getValue())));
                return counts;
            }
        };
    }

    /**
     * The actor of an existing account, read from the database without its password: for the operator's own
     * process (loading the example as the admin on a restart, when the admin's password is not at hand).
     */
    public Optional<Actor> operator(String username) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id, username, role, organisation_id FROM users WHERE username = :u")
                .bind("u", username)
                .map((rs, c) -> new Actor(rs.getLong("id"), rs.getString("username"), Role.of(rs.getString("role")),
                        rs.getObject("organisation_id") == null ? null : rs.getLong("organisation_id")))
                .findOne());
    }

    public DatabaseWorkspace workspace() {
        return workspace;
    }

    public Database database() {
        return database;
    }

    public RunningServer server() {
        return server;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("shutting down: web server first, then the job queue (grace {} s)", grace.toSeconds());
        try {
            server.stop();
        } finally {
            try {
                queue.stop(grace);
            } finally {
                workspace.close();
                database.close();
                LOG.info("shut down");
            }
        }
    }
}
