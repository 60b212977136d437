package org.iotb.server.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iotb.store.workspace.Actor;

/**
 * Server-side sessions: the cookie carries only a random id (256 bits); who is logged in and the CSRF token stay
 * here. A visitor gets an anonymous session (no actor) when the login form needs a CSRF token; logging in replaces
 * it with a new id (no session fixation). Sessions end after {@code idle} without a request, or at logout. They
 * live in memory: a restart logs everybody out, which is the safe side.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    public Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    /** One session: its id, the logged-in actor (null: anonymous) and its CSRF token. */
    public static final class Session {
        private final String id;
        private final Actor actor;
        private final String csrfToken;
        private volatile Instant lastSeen;

        Session(String id, Actor actor, String csrfToken, Instant now) {
            this.id = id;
            this.actor = actor;
            this.csrfToken = csrfToken;
            this.lastSeen = now;
        }

        public String id() {
            return id;
        }

        public Actor actor() {
            return actor;
        }

        public String csrfToken() {
            return csrfToken;
        }
    }

    public Session create(Actor actor) {
        Session s = new Session(randomToken(), actor, randomToken(), clock.instant());
        byId.put(s.id, s);
        return s;
    }

    /** The live session with this id (touching it), or empty when unknown or idle too long (then it is dropped). */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastSeen.plus(idle).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    public void remove(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Drops idle sessions; called now and then so abandoned anonymous sessions do not pile up. */
    public void expire() {
        Instant cutoff = clock.instant().minus(idle);
        byId.values().removeIf(s -> s.lastSeen.isBefore(cutoff));
    }

    public int size() {
        return byId.size();
    }

    /** 32 random bytes, URL-safe Base64: session ids, CSRF tokens. */
    public static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
