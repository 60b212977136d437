package org.iotb.unpack.sink;

import java.util.concurrent.TimeUnit;
import org.iotb.unpack.UnpackOptions;

/**
 * The run-wide limits as they are used up: bytes written, entries recorded, wall time. Once a run-wide
 * limit is hit the budget stays exhausted and says why, so that every loop can stop early.
 */
public final class Budget {
    private final UnpackOptions options;
    private final long deadlineNanos;
    private long bytesWritten;
    private int entries;
    private String exhausted;

    public Budget(UnpackOptions options) {
        this.options = options;
        this.deadlineNanos = System.nanoTime() + options.timeout().toNanos();
    }

    public UnpackOptions options() {
        return options;
    }

    /** Null while there is budget left, else the reason the run stopped. */
    public synchronized String exhausted() {
        if (exhausted == null && System.nanoTime() - deadlineNanos > 0) {
            exhausted = "time limit of " + options.timeout().toSeconds() + " s reached";
        }
        return exhausted;
    }

    public boolean isExhausted() {
        return exhausted() != null;
    }

    /** Takes one entry; false (and the budget is exhausted) when the file-count limit is reached. */
    public synchronized boolean takeEntry() {
        if (exhausted() != null) {
            return false;
        }
        if (entries >= options.maxFiles()) {
            exhausted = "file-count limit of " + options.maxFiles() + " reached";
            return false;
        }
        entries++;
        return true;
    }

    /** Bytes that may still be written in total. */
    public synchronized long bytesLeft() {
        return options.maxTotalBytes() - bytesWritten;
    }

    public synchronized void addBytes(long n) {
        bytesWritten += n;
        if (bytesWritten >= options.maxTotalBytes() && exhausted == null) {
            exhausted = "total-bytes limit of " + options.maxTotalBytes() + " reached";
        }
    }

    public synchronized long bytesWritten() {
        return bytesWritten;
    }

    public synchronized int entries() {
        return entries;
    }

    public long millisLeft() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }
}
