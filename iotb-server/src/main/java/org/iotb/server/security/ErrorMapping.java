package org.iotb.server.security;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotb.server.api.ApiJson;
import org.iotb.store.blob.BlobStore;
import org.iotb.store.workspace.ForbiddenException;
import org.iotb.store.workspace.InvalidInputException;
import org.iotb.store.workspace.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mapping from what went wrong to what the client sees: NotFound → 404, Forbidden → 403, InvalidInput → 400, too
 * large → 413, login required → 401 (API) or a redirect to the login form (pages), too many logins → 429 with
 * Retry-After, anything else → 500 with the request id, logged with its stack trace here and never sent. API paths
 * get {@code {"error": …, "requestId": …}}, pages a short HTML page.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void register(JavalinDefaultRoutingApi routes, Web web) {
        routes.exception(NotFoundException.class, (e, ctx) -> respond(ctx, web, 404, e.getMessage()));
        routes.exception(ForbiddenException.class, (e, ctx) -> respond(ctx, web, 403, e.getMessage()));
        routes.exception(InvalidInputException.class, (e, ctx) -> respond(ctx, web, 400, e.getMessage()));
        routes.exception(BlobStore.BlobTooLargeException.class, (e, ctx) -> respond(ctx, web, 413,
                "the upload is larger than the limit of " + web.uploadLimit() + " bytes"));
        routes.exception(TooManyAttemptsException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            respond(ctx, web, 429, e.getMessage());
        });
        routes.exception(LoginRequiredException.class, (e, ctx) -> {
            if (isApi(ctx)) {
                respond(ctx, web, 401, e.getMessage());
            } else {
                String next = ctx.method().name().equals("GET") ? "?next=" + URLEncoder.encode(
                        ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), StandardCharsets.UTF_8) : "";
                ctx.redirect("/login" + next, HttpStatus.SEE_OTHER);
            }
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, web, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            if (tooLarge(e)) {
                respond(ctx, web, 413, "the upload is larger than the limit of " + web.uploadLimit() + " bytes");
                return;
            }
            LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, web, 500, "internal error");
        });
        // Javalin's own 404 (no such route) and 405 go through the same shapes
        routes.error(404, ctx -> {
            if (ctx.result() == null) {
                respond(ctx, web, 404, "not found");
            }
        });
    }

    /** Jetty refuses an over-long multipart body with an IllegalStateException naming the limit it hit. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BlobStore.BlobTooLargeException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("exceeds max") || m.contains("maxFileSize") || m.contains("maxRequestSize")
                    || m.contains("Request exceeds"))) {
                return true;
            }
        }
        return false;
    }

    public static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    public static void respond(Context ctx, Web web, int status, String message) {
        ctx.status(status);
        String requestId = web.requestId(ctx);
        if (isApi(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            body.put("status", status);
            body.put("requestId", requestId);
            ctx.contentType("application/json").result(ApiJson.write(body));
        } else {
            ctx.contentType("text/html; charset=utf-8").result("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>" + status + "</title><link rel=\"stylesheet\" href=\"/static/iotb.css\"></head><body><main>"
                    + "<h1>" + status + " " + escape(HttpStatus.forStatus(status).getMessage()) + "</h1><p>" + escape(message)
                    + "</p><p class=\"request-id\">Request id: " + escape(requestId) + "</p><p><a href=\"/\">Home</a></p>"
                    + "</main></body></html>");
        }
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
