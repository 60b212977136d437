package org.iotb.server.security;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /login} (form: username, password, _csrf, optional next) and {@code POST /logout}. The form page itself
 * ({@code GET /login}) belongs to the pages. Failed logins feed the {@link LoginThrottle}; a locked account or
 * address gets 429 with Retry-After before the password is even checked.
 */
public final class LoginRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);

    private LoginRoutes() {
    }

    public static void register(JavalinDefaultRoutingApi routes, Workspace workspace, Web web, LoginThrottle throttle) {
        routes.post("/login", ctx -> login(ctx, workspace, web, throttle));
        routes.post("/logout", ctx -> {
            web.endSession(ctx);
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        });
    }

    private static void login(Context ctx, Workspace workspace, Web web, LoginThrottle throttle) {
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        String address = ctx.ip();
        Optional<Actor> actor = authenticate(workspace, throttle, username, password, address);
        if (actor.isEmpty()) {
            ctx.redirect("/login?error=1", HttpStatus.SEE_OTHER);
            return;
        }
        web.startSession(ctx, actor.get());
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    /**
     * Checks credentials under the throttle: {@link TooManyAttemptsException} while locked, empty on a wrong name or
     * password (counted), the actor otherwise. Shared by the login form and token creation with Basic credentials.
     */
    public static Optional<Actor> authenticate(Workspace workspace, LoginThrottle throttle, String username,
                                               String password, String address) {
        Duration wait = throttle.waitFor(username, address);
        if (!wait.isZero()) {
            LOG.warn("login refused while throttled: user={} address={}", username, address);
            throw new TooManyAttemptsException(wait);
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throttle.failed(username, address);
            return Optional.empty();
        }
        char[] secret = password.toCharArray();
        try {
            Optional<Actor> actor = workspace.authenticate(username.trim(), secret);
            if (actor.isEmpty()) {
                throttle.failed(username, address);
                LOG.info("login failed: user={} address={}", username, address);
            } else {
                throttle.succeeded(username, address);
                LOG.info("login: user={} address={}", username, address);
            }
            return actor;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Only a local path ("/x", not "//host" or "/\host"): a login link may not send the user elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
