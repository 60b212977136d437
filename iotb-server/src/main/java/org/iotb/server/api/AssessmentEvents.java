package org.iotb.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Workspace;

/**
 * {@code GET /api/v1/assessments/{id}/events}: server-sent events with the run's state (the same JSON as
 * {@code GET /api/v1/assessments/{id}}) whenever its status, stage or progress changes, polled from the workspace
 * once a second; ends with an {@code end} event when the run is done or failed, after 30 minutes, or when the client
 * goes away. A client that cannot read SSE polls the plain GET instead.
 */
final class AssessmentEvents {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(30);

    private AssessmentEvents() {
    }

    static void stream(Context ctx, Workspace ws, Actor actor, long id) throws IOException, InterruptedException {
        AssessmentRun run = ws.assessment(actor, id); // 404 before anything is streamed
        ctx.status(200);
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        Instant until = Instant.now().plus(MAX);
        String last = null;
        try {
            while (true) {
                String json = ApiJson.write(run);
                if (!json.equals(last)) {
                    send(out, "status", json);
                    last = json;
                } else {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                if (run.status() == JobStatus.DONE || run.status() == JobStatus.FAILED || Instant.now().isAfter(until)) {
                    send(out, "end", "{\"status\":\"" + run.status().id() + "\"}");
                    return;
                }
                Thread.sleep(POLL.toMillis());
                run = ws.assessment(actor, id);
            }
        } catch (IOException gone) {
            // the client went away: nothing to do
        }
    }

    private static void send(OutputStream out, String event, String data) throws IOException {
        out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
