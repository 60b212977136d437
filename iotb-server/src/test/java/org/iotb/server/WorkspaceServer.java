package org.iotb.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.iotb.store.db.Database;
import org.iotb.store.jobs.JobSettings;
import org.iotb.store.testing.Databases;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.DatabaseWorkspace;
import org.iotb.store.workspace.Organisation;
import org.iotb.store.workspace.Role;

/**
 * A real server for HTTP tests: the whole {@link ServerStack} (DatabaseWorkspace, job queue with one thread, web on
 * a free loopback port) on SQLite or PostgreSQL, with organisations A and B and one account per role (client-viewers
 * of A and of B), all with {@link #PASSWORD}.
 */
final class WorkspaceServer implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";

    final ServerStack stack;
    final Actor admin;
    final Organisation orgA;
    final Organisation orgB;

    WorkspaceServer(Database.Kind kind, Path data, long uploadLimit) throws IOException {
        ServerConfig config = ServerConfig.of(data).withPort(0).withUploadLimit(uploadLimit);
        JobSettings jobs = JobSettings.defaults(data).withThreads(1).withTiming(Duration.ofMillis(200), Duration.ofSeconds(2));
        stack = ServerStack.open(config, Databases.url(kind), jobs, 4, Duration.ofSeconds(5));
        DatabaseWorkspace ws = stack.workspace();
        ws.bootstrapAdmin("admin", PASSWORD.toCharArray());
        admin = stack.operator("admin").orElseThrow();
        orgA = ws.createOrganisation(admin, "Org A");
        orgB = ws.createOrganisation(admin, "Org B");
        ws.createUser(admin, "assessor", PASSWORD.toCharArray(), Role.ASSESSOR, null);
        ws.createUser(admin, "reviewer", PASSWORD.toCharArray(), Role.REVIEWER, null);
        ws.createUser(admin, "viewer-a", PASSWORD.toCharArray(), Role.CLIENT_VIEWER, orgA.id());
        ws.createUser(admin, "viewer-b", PASSWORD.toCharArray(), Role.CLIENT_VIEWER, orgB.id());
    }

    String url() {
        return stack.server().url();
    }

    /** A logged-in browser-like client. */
    Http login(String user) throws IOException, InterruptedException {
        Http h = new Http(url());
        int status = h.login(user, PASSWORD).statusCode();
        if (status != 303) {
            throw new IllegalStateException("login of " + user + " answered " + status);
        }
        return h;
    }

    @Override
    public void close() {
        stack.close();
    }
}
