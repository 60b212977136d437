package org.iotb.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: failures are counted per account name and per client address; from the
 * {@value #FREE_FAILURES}th failure on an account ({@value #FREE_FAILURES_PER_ADDRESS}th from an address: several
 * people may share one behind a NAT), that key is locked for an exponentially growing time (1 s, 2 s, 4 s … at most
 * 15 min) during which attempts are refused with 429 and Retry-After without asking the password store. A success
 * clears the account's and the address's counts. Counts live in memory and fade after an hour without failures.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private static final class Failures {
        int count;
        Instant lockedUntil = Instant.EPOCH;
        Instant last = Instant.EPOCH;
    }

    /** How long the caller must wait before trying again (zero: may try now). */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(username, address)) {
            Failures f = byKey.get(key);
            if (f != null) {
                synchronized (f) {
                    if (f.lockedUntil.isAfter(now)) {
                        Duration d = Duration.between(now, f.lockedUntil);
                        longest = d.compareTo(longest) > 0 ? d : longest;
                    }
                }
            }
        }
        return longest;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            Failures f = byKey.computeIfAbsent(key, k -> new Failures());
            synchronized (f) {
                if (f.last.plus(FORGET_AFTER).isBefore(now)) {
                    f.count = 0;
                }
                f.count++;
                f.last = now;
                int free = key.startsWith("addr:") ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES;
                if (f.count >= free) {
                    int doublings = Math.min(f.count - free, 20);
                    Duration lock = Duration.ofSeconds(1L << doublings);
                    f.lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
                }
            }
        }
    }

    public void succeeded(String username, String address) {
        for (String key : keys(username, address)) {
            byKey.remove(key);
        }
    }

    private static String[] keys(String username, String address) {
        String user = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return new String[] {"user:" + user, "addr:" + (address == null ? "" : address)};
    }
}
