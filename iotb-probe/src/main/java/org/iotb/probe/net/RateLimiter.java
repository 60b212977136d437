package org.iotb.probe.net;

/**
 * Token bucket for new connections: at most {@code perSecond} on average (0 = no limit), with a burst of
 * 20 ms worth so that a scheduler hiccup neither floods the device afterwards nor stalls the scan.
 */
public final class RateLimiter {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    public RateLimiter(int perSecond) {
        this.perNano = perSecond <= 0 ? 0 : perSecond / 1e9;
        this.burst = Math.max(1, perSecond / 50.0);
        this.tokens = burst;
    }

    /** How many of {@code wanted} new connections may start now (taken from the bucket). */
    public synchronized int take(int wanted) {
        if (perNano == 0) {
            return wanted;
        }
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        int n = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= n;
        return n;
    }

    public boolean tryAcquire() {
        return take(1) == 1;
    }

    /** Blocks until one connection may start. */
    public void acquire() throws InterruptedException {
        while (!tryAcquire()) {
            Thread.sleep(0, 200_000);
        }
    }
}
