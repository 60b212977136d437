package org.iotb.fs.squashfs;

import java.util.concurrent.ExecutorService;

/**
 * The decompression pool and the global budget of blocks in flight (decompressed ahead of the writer, across
 * files). Touched only by the walking thread; the pool threads only run the block tasks.
 */
final class Scheduler {
    final ExecutorService pool;
    private final int limit;
    private int inFlight;

    Scheduler(ExecutorService pool, int limit) {
        this.pool = pool;
        this.limit = limit;
    }

    boolean hasRoom() {
        return inFlight < limit;
    }

    void started() {
        inFlight++;
    }

    void finished() {
        inFlight--;
    }
}
