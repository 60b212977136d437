package org.iotb.probe.net;

import java.time.Duration;

/** The scan's global time budget: every wait is clipped to what is left, so a slow target cannot hold us. */
public final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    public long remainingMillis() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
    }

    /** {@code wantedMillis}, but never beyond the deadline; at least 1 ms so socket APIs do not read 0 as "forever". */
    public int clip(int wantedMillis) {
        long left = remainingMillis();
        return (int) Math.max(1, Math.min(wantedMillis, left));
    }
}
