package org.iotb.cli.batch;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.iotb.cli.UserInputException;
import org.iotb.store.batch.BatchDatabase;
import org.iotb.store.batch.BatchQueue;
import org.iotb.store.batch.WorkerSettings;
import org.iotb.store.blob.BlobStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `iotb worker`: one cluster node. Claims batch jobs from the shared PostgreSQL queue until stopped (SIGTERM or
 * Ctrl-C: running jobs get --stop-grace to finish, then go back to the queue).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        header = "Run assessment jobs from a cluster's shared queue (see 'iotb batch --db').",
        description = {"Claim jobs from the shared queue in PostgreSQL, one per thread, and store the results in the",
            "database and the blobs in the shared store (--data on a shared file system, or --blobs s3://…).",
            "A worker that dies is noticed by its missing heartbeat and its job is given to another worker.",
            "Stops on SIGTERM or Ctrl-C: running jobs get --stop-grace to finish, then go back to the queue.",
            "Example:",
            "  iotb worker --db jdbc:postgresql://db/iotb?user=iotb --data /nfs/iotb --threads 2"})
public final class WorkerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--db", required = true, paramLabel = "URL", description = "The cluster's PostgreSQL (jdbc:postgresql://…).")
    String db;
    @Option(names = "--data", paramLabel = "DIR", description = "The shared data directory (blobs; work/ for unpacking unless --work).")
    Path data;
    @Option(names = "--blobs", paramLabel = "s3://BUCKET/PREFIX", description = "The shared blobs in an S3-compatible bucket instead.")
    String blobs;
    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "The S3 endpoint (MinIO: http://host:9000); default: AWS.")
    String s3Endpoint;
    @Option(names = "--work", paramLabel = "DIR", description = "Local scratch for unpacking (default: DATA/work, or the system's temporary directory with --blobs).")
    Path work;
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Jobs at a time (default: ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--name", paramLabel = "NAME", description = "This worker's name in the queue and the results (default: pid@host).")
    String name;
    @Option(names = "--job-timeout", paramLabel = "DURATION", defaultValue = "30m", description = "Longest one image may take (default: ${DEFAULT-VALUE}).")
    String jobTimeout;
    @Option(names = "--heartbeat", paramLabel = "DURATION", defaultValue = "5s", description = "Heartbeat interval; silent for four"
            + " heartbeats, a worker counts as dead and its job is taken over (default: ${DEFAULT-VALUE}).")
    String heartbeat;
    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "1s", description = "How often an idle worker looks for jobs (default: ${DEFAULT-VALUE}).")
    String poll;
    @Option(names = "--stop-grace", paramLabel = "DURATION", defaultValue = "60s", description = "On SIGTERM, how long running jobs may take to finish (default: ${DEFAULT-VALUE}).")
    String stopGrace;
    @Option(names = "--vulndb", paramLabel = "DIR", description = "Vulnerability store (default: $IOTB_VULNDB or ~/.cache/iotb/vulndb).")
    Path vulnDb;

    @Override
    public Integer call() throws Exception {
        if (!db.startsWith("jdbc:postgresql:")) {
            throw new UserInputException("--db must be the cluster's jdbc:postgresql:// URL (one machine: iotb batch --workers N)");
        }
        if (threads < 1) {
            throw new UserInputException("--threads must be at least 1");
        }
        String worker = name != null ? name : ManagementFactory.getRuntimeMXBean().getName();
        Path scratch = work != null ? work : data != null ? data.resolve("work") : Path.of(System.getProperty("java.io.tmpdir"), "iotb-work");
        WorkerSettings settings = new WorkerSettings(worker, threads, Durations.parse("--poll", poll),
                Durations.parse("--heartbeat", heartbeat), Durations.parse("--job-timeout", jobTimeout),
                Durations.parse("--stop-grace", stopGrace), scratch, vulnDb);
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopped = new CountDownLatch(1);
        try (BatchDatabase database = BatchDatabase.open(db, null);
             BlobStore blobStore = BlobStores.open(data, blobs, s3Endpoint)) {
            BatchQueue.Running running = BatchQueue.start(database.dataSource(), true, database.store(), blobStore,
                    database.stageStore(blobStore), settings);
            err.printf("iotb: worker %s: %d threads on %s, blobs in %s%n", worker, threads, redact(db),
                    blobs != null ? blobs : data);
            err.flush();
            Thread hook = new Thread(() -> {
                err.printf("iotb: worker %s stopping (running jobs get %s)%n", worker, stopGrace);
                err.flush();
                running.stop();
                stopped.countDown();
            }, "iotb-worker-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            stopped.await();
        }
        return 0;
    }

    /** The URL without its password, for the log line. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
