package org.iotb.server.ops;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotb.server.api.ApiJson;

/**
 * {@code GET /health}: 200 {"status":"ok","database":"ok","queue":"running"} or 503 naming what is down (a load
 * balancer or systemd watchdog reads it; no login). {@code GET /metrics}: the Prometheus text format (no login
 * either: bind to loopback or put it behind the proxy's access rules; it carries counts, no names).
 */
public final class OpsRoutes {
    private OpsRoutes() {
    }

    public static void register(JavalinDefaultRoutingApi routes, Operations operations, Metrics metrics) {
        routes.get("/health", ctx -> {
            boolean db;
            boolean queue;
            try {
                db = operations.databaseReachable();
            } catch (RuntimeException e) {
                db = false;
            }
            try {
                queue = operations.queueRunning();
            } catch (RuntimeException e) {
                queue = false;
            }
            Map<String, String> body = new LinkedHashMap<>();
            body.put("status", db && queue ? "ok" : "unavailable");
            body.put("database", db ? "ok" : "unreachable");
            body.put("queue", queue ? "running" : "stopped");
            ctx.status(db && queue ? 200 : 503).contentType("application/json").result(ApiJson.write(body));
        });
        routes.get("/metrics", ctx -> ctx.contentType(Metrics.contentType()).result(metrics.scrape()));
    }
}
