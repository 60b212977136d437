package org.iotb.server.security;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The filters every request passes before its handler: security headers, who is asking ({@link Web#identify}), and
 * the CSRF check of every state-changing method. Requests carrying an {@code Authorization} header (an API token,
 * or Basic credentials to {@code POST /api/v1/tokens}) are exempt: a browser never adds that header to a forged
 * cross-site request on its own (the server never asks for Basic credentials, so none are cached).
 */
public final class SecurityFilters {
    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    /**
     * No inline script or style anywhere (pages load /static files); no framing; forms post only here. A handler
     * that serves something else (a report download) sets its own headers after these.
     */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private SecurityFilters() {
    }

    public static void register(JavalinDefaultRoutingApi routes, Web web) {
        // one filter, in this order: a throw skips the rest (and the handler)
        routes.before(ctx -> {
            headers(ctx);
            limitBody(ctx, web);
            web.identify(ctx);
            checkCsrf(ctx, web);
        });
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!ctx.path().startsWith("/static/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** A body declared larger than any upload may be is refused before anything (the CSRF field included) is read. */
    static void limitBody(Context ctx, Web web) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > web.uploadLimit() + 1024 * 1024) {
            throw new io.javalin.http.ContentTooLargeResponse("the upload is larger than the limit of " + web.uploadLimit() + " bytes");
        }
    }

    static void checkCsrf(Context ctx, Web web) {
        if (!STATE_CHANGING.contains(ctx.method()) || ctx.header("Authorization") != null) {
            return;
        }
        Sessions.Session s = web.session(ctx);
        String sent = ctx.header(Web.CSRF_HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(Web.CSRF_FIELD);
        }
        if (s == null || sent == null || !constantTimeEquals(s.csrfToken(), sent)) {
            throw new ForbiddenResponse("missing or wrong CSRF token (reload the page and try again)");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
