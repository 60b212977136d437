package org.iotb.sbom.vuln.feed;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code requests} requests in any sliding {@code window}: NVD allows 5 requests in 30 seconds without an API
 * key and 50 with one (https://nvd.nist.gov/developers/start-here), and answers 403 beyond.
 */
public final class RateLimiter {
    private final int requests;
    private final long windowNanos;
    private final Deque<Long> sent = new ArrayDeque<>();

    public RateLimiter(int requests, Duration window) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1");
        }
        this.requests = requests;
        this.windowNanos = window.toNanos();
    }

    /** No limit (the single-file feeds). */
    public static RateLimiter none() {
        return new RateLimiter(Integer.MAX_VALUE, Duration.ZERO);
    }

    /** Waits until one more request fits in the window, then counts it. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
                sent.pollFirst();
            }
            if (sent.size() < requests) {
                sent.addLast(now);
                return;
            }
            long waitNanos = windowNanos - (now - sent.peekFirst());
            Thread.sleep(Math.max(1, waitNanos / 1_000_000), 0);
        }
    }
}
