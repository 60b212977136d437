package org.iotb.store.jobs;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How one job-queue process works: {@code threads} jobs at a time, looking for new ones every {@code pollInterval},
 * under the name {@code workerName} (unique per process: it marks the jobs it holds), proving it is alive every
 * {@code heartbeat} (a holder silent for six heartbeats is dead and its jobs are taken over), with its scratch
 * directories under {@code workDir} ({@code <data>/work}) and the vulnerability store {@code vulnDb} (null:
 * {@code $IOTB_VULNDB} or the user's default, as {@code iotb assess}).
 */
public record JobSettings(int threads, Duration pollInterval, String workerName, Duration heartbeat, Path workDir,
                          Path vulnDb) {

    public JobSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (workerName == null || workerName.isBlank()) {
            throw new IllegalArgumentException("a worker needs a name");
        }
    }

    /** Two threads, a one-second poll, a five-second heartbeat, scratch under {@code <dataDir>/work}. */
    public static JobSettings defaults(Path dataDir) {
        return new JobSettings(2, Duration.ofSeconds(1), defaultWorkerName(), Duration.ofSeconds(5),
                dataDir.resolve("work"), null);
    }

    public JobSettings withThreads(int n) {
        return new JobSettings(n, pollInterval, workerName, heartbeat, workDir, vulnDb);
    }

    public JobSettings withWorkerName(String name) {
        return new JobSettings(threads, pollInterval, name, heartbeat, workDir, vulnDb);
    }

    public JobSettings withTiming(Duration poll, Duration beat) {
        return new JobSettings(threads, poll, workerName, beat, workDir, vulnDb);
    }

    public JobSettings withVulnDb(Path store) {
        return new JobSettings(threads, pollInterval, workerName, heartbeat, workDir, store);
    }

    /** host name and process id: unique among the processes sharing a database. */
    public static String defaultWorkerName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
