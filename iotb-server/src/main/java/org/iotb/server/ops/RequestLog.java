package org.iotb.server.ops;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.iotb.server.security.Web;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives each request an id (header {@code X-Request-Id}, the MDC key {@code requestId} every log line of the request
 * carries, shown on error pages), and at its end one access log line and the request metrics.
 */
public final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.iotb.server.access");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestLog() {
    }

    public static void registerFirst(JavalinDefaultRoutingApi routes) {
        routes.before(ctx -> {
            byte[] b = new byte[8];
            RANDOM.nextBytes(b);
            String id = HexFormat.of().formatHex(b);
            ctx.attribute(Web.REQUEST_ID, id);
            ctx.header("X-Request-Id", id);
            MDC.put("requestId", id);
        });
    }

    /** Called by Javalin's request logger once the response is complete. */
    public static void completed(Context ctx, float millis, Metrics metrics) {
        String route = route(ctx);
        int status = ctx.statusCode();
        metrics.request(route, ctx.method().name(), status, millis / 1000.0);
        String id = ctx.attribute(Web.REQUEST_ID);
        if (id != null) {
            MDC.put("requestId", id);
        }
        try {
            if (!"/health".equals(route) && !"/metrics".equals(route)) {
                LOG.info("{} {} {} {} ms route={}", ctx.method().name(), ctx.path(), status, Math.round(millis), route);
            }
        } finally {
            MDC.remove("requestId");
        }
    }

    private static String route(Context ctx) {
        try {
            String path = ctx.endpoint().path;
            if (path == null || path.isEmpty() || "*".equals(path)) {
                return ctx.path().startsWith("/static/") ? "/static/*" : "unmatched";
            }
            return path;
        } catch (RuntimeException e) {
            return ctx.path().startsWith("/static/") ? "/static/*" : "unmatched";
        }
    }
}
