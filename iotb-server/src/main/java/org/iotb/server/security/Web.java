package org.iotb.server.security;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;
import org.iotb.store.workspace.Actor;

/**
 * What a route handler asks about its request: who is making it ({@link #actor}), the CSRF token its forms must
 * carry ({@link #csrfToken}), the upload limit. The security filters fill it before any handler runs: an
 * {@code Authorization: Bearer} API token, or else the session cookie {@value #SESSION_COOKIE}.
 *
 * <p>Forms post their token in the field {@value #CSRF_FIELD}; scripts send it in the header {@value #CSRF_HEADER}.
 * The login form posts {@code username}, {@code password} and {@value #CSRF_FIELD} to {@code POST /login} (optional
 * {@code next}: a local path to go to afterwards); a failed login comes back to {@code /login?error=1}; {@code POST
 * /logout} ends the session.
 */
public final class Web {
    public static final String SESSION_COOKIE = "iotb_session";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    static final String ACTOR = "iotb.actor";
    static final String SESSION = "iotb.session";
    static final String VIA_TOKEN = "iotb.viaToken";
    public static final String REQUEST_ID = "iotb.requestId";

    private final Sessions sessions;
    private final Function<String, Optional<Actor>> apiTokens;
    private final boolean secureCookies;
    private final long uploadLimit;

    public Web(Sessions sessions, Function<String, Optional<Actor>> apiTokens, boolean secureCookies, long uploadLimit) {
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.secureCookies = secureCookies;
        this.uploadLimit = uploadLimit;
    }

    /**
     * The logged-in actor. Without one, {@link LoginRequiredException}: the error mapping answers 401 to the API and
     * redirects a page request to the login form.
     */
    public Actor actor(Context ctx) {
        Actor a = ctx.attribute(ACTOR);
        if (a == null) {
            throw new LoginRequiredException();
        }
        return a;
    }

    public Optional<Actor> currentActor(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ACTOR));
    }

    /** The CSRF token of this visitor's session, starting an anonymous session (for the login form) when needed. */
    public String csrfToken(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        if (s == null) {
            s = sessions.create(null);
            ctx.attribute(SESSION, s);
            setCookie(ctx, s.id());
        }
        return s.csrfToken();
    }

    /** The id of this request, as in the logs and on error pages. */
    public String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "-" : id;
    }

    public long uploadLimit() {
        return uploadLimit;
    }

    // ---- used by the security filters and the login routes ----

    /** Finds who makes the request: a Bearer token (an unknown one is refused outright) or the session cookie. */
    void identify(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Actor a = apiTokens.apply(auth.substring(7).trim())
                    .orElseThrow(() -> new LoginRequiredException("unknown or revoked API token"));
            ctx.attribute(ACTOR, a);
            ctx.attribute(VIA_TOKEN, Boolean.TRUE);
            return;
        }
        sessions.find(ctx.cookie(SESSION_COOKIE)).ifPresent(s -> {
            ctx.attribute(SESSION, s);
            if (s.actor() != null) {
                ctx.attribute(ACTOR, s.actor());
            }
        });
    }

    boolean viaToken(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(VIA_TOKEN));
    }

    Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** Logs the actor in under a NEW session id (the anonymous one is dropped: no fixation). */
    void startSession(Context ctx, Actor actor) {
        Sessions.Session old = ctx.attribute(SESSION);
        if (old != null) {
            sessions.remove(old.id());
        }
        Sessions.Session s = sessions.create(actor);
        ctx.attribute(SESSION, s);
        ctx.attribute(ACTOR, actor);
        setCookie(ctx, s.id());
    }

    void endSession(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        if (s != null) {
            sessions.remove(s.id());
        }
        ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
    }

    private void setCookie(Context ctx, String id) {
        // written by hand: the flags are the point, and no cookie API between versions may drop one
        ctx.header("Set-Cookie", SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
    }
}
