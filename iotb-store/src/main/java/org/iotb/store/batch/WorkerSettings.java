package org.iotb.store.batch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a worker (an {@code iotb worker} process, or the threads {@code iotb batch} runs itself) takes jobs:
 * {@code threads} jobs at a time; polls the queue every {@code pollInterval}; writes a heartbeat every
 * {@code heartbeat} (a worker silent for {@value #MISSED_HEARTBEATS} heartbeats is dead and its job goes to another);
 * gives one job at most {@code jobTimeout}; unpacks under {@code workDir} (a per-job folder, removed after the job);
 * reads vulnerability data from {@code vulnDb} (null: $IOTB_VULNDB or the user's default); when stopped, waits up to
 * {@code stopGrace} for running jobs.
 */
public record WorkerSettings(String workerName, int threads, Duration pollInterval, Duration heartbeat,
                             Duration jobTimeout, Duration stopGrace, Path workDir, Path vulnDb) {
    public static final int MISSED_HEARTBEATS = 4;

    public WorkerSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("a worker needs at least one thread");
        }
    }

    /** After how long without a heartbeat a worker's job is taken over. */
    public Duration deadAfter() {
        return heartbeat.multipliedBy(MISSED_HEARTBEATS);
    }
}
