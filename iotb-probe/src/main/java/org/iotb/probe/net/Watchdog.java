package org.iotb.probe.net;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wall-clock deadlines enforced from outside the protocol code: at the deadline the watched socket (or session) is
 * closed, which makes any blocked read in any library (JSch, JSSE, our own readers) fail at once. Socket read
 * timeouts alone are not enough: a device that drips one byte a second restarts them with every byte.
 * One shared daemon thread serves every probe.
 */
public final class Watchdog {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Watchdog() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "iotb-probe-watchdog");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true); // a probe that ends in time leaves nothing queued behind
        return t;
    }

    /** A pending deadline: {@link #close()} cancels it; {@link #fired()} says whether it closed the resource. */
    public static final class Guard implements AutoCloseable {
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile ScheduledFuture<?> task;

        public boolean fired() {
            return fired.get();
        }

        @Override
        public void close() {
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
        }
    }

    /** Closes {@code target} after {@code millis} of wall-clock time unless the returned guard is closed first. */
    public static Guard closeAfter(Closeable target, long millis) {
        Guard g = new Guard();
        g.task = TIMER.schedule(() -> {
            g.fired.set(true);
            try {
                target.close();
            } catch (IOException | RuntimeException ignored) {
                // the point is that the blocked reader wakes up; a failing close changes nothing for us
            }
        }, Math.max(1, millis), TimeUnit.MILLISECONDS);
        return g;
    }
}
