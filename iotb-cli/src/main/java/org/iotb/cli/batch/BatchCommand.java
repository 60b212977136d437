package org.iotb.cli.batch;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.Output;
import org.iotb.report.ExitCodes;
import org.iotb.store.batch.BatchDatabase;
import org.iotb.store.batch.BatchKey;
import org.iotb.store.batch.BatchQueue;
import org.iotb.store.batch.BatchService;
import org.iotb.store.batch.BatchStore;
import org.iotb.store.batch.CorpusOverview;
import org.iotb.store.batch.SummaryEntry;
import org.iotb.store.batch.SummaryWriter;
import org.iotb.store.batch.WorkerSettings;
import org.iotb.store.blob.BlobStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `iotb batch`: assess a catalogue of images with one profile, on this machine's threads (SQLite) or on a cluster's
 * workers (PostgreSQL), each distinct image once; write summary.json, summary.csv and overview.html.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        header = "Assess many firmware images with one profile, on this machine or on a cluster of workers.",
        description = {"Enqueue one assessment per image (an image already assessed with the same iotb version,",
            "profile, declarations and standards is reused, not run again), follow them, and write OUT/summary.json,",
            "OUT/summary.csv and OUT/overview.html (the most common failures, per vendor or product line).",
            "Without --db the jobs run here, on --workers threads, with an SQLite queue under --data; with",
            "--db jdbc:postgresql://… they go to the shared queue that 'iotb worker' processes serve.",
            "Examples:",
            "  iotb batch images/ --profile product.yaml -o out/catalogue --workers 4",
            "  iotb batch list.txt --profile product.yaml -o out/ --db jdbc:postgresql://db/iotb?user=iotb --data /nfs/iotb",
            "Exit code: 0 every image assessed and none failed a mandatory requirement, 1 some failed a mandatory",
            "requirement, 2 bad usage or input, 3 some images could not be assessed (summary.json says why)."})
public final class BatchCommand implements Callable<Integer> {
    /** Some images could not be assessed (docs/cluster.md, "Exit codes"). */
    public static final int NOT_ALL_ASSESSED = 3;

    @Spec
    CommandSpec spec;
    @Parameters(arity = "1..*", paramLabel = "LIST|DIR", description = "A directory of images, or a file listing image paths (one a line).")
    List<Path> inputs = new ArrayList<>();
    @Option(names = {"-p", "--profile"}, required = true, description = "The product profile every image is assessed with.")
    Path profile;
    @Option(names = {"-d", "--declarations"}, description = "The manufacturer's declarations.")
    Path declarations;
    @Option(names = "--standard", paramLabel = "ID", description = "Assess only this standard (repeatable; `all`: every bundled one). Default: the three baselines, as `iotb assess`.")
    List<String> standards = new ArrayList<>();
    @Option(names = "--include", paramLabel = "GLOB", description = "In a directory, take only the files whose name matches (repeatable, e.g. '*.bin'). Default: every file but hidden ones.")
    List<String> includes = new ArrayList<>();
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Directory for summary.json, summary.csv and overview.html.")
    Path outDir;
    @Option(names = "--db", paramLabel = "URL", description = "The cluster's PostgreSQL (jdbc:postgresql://…); default: SQLite under --data.")
    String db;
    @Option(names = "--data", paramLabel = "DIR", description = "The data directory: the blobs (shared with the workers, e.g. over NFS)"
            + " and, without --db, the SQLite database. Default without --db: OUT/.iotb-data.")
    Path data;
    @Option(names = "--blobs", paramLabel = "s3://BUCKET/PREFIX", description = "Keep images and results in an S3-compatible bucket instead"
            + " (credentials from the AWS environment variables).")
    String blobs;
    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "The S3 endpoint (MinIO: http://host:9000); default: AWS.")
    String s3Endpoint;
    @Option(names = "--workers", paramLabel = "N", description = "Worker threads in this process (default: 2 without --db, 0 with --db).")
    Integer workers;
    @Option(names = "--group-by", paramLabel = "REGEX", description = "Group the overview by what this captures from each image path"
            + " (its first group, else the match); default: the image's directory.")
    String groupBy;
    @Option(names = "--vulndb", paramLabel = "DIR", description = "The vulnerability store the workers read (default: $IOTB_VULNDB or"
            + " ~/.cache/iotb/vulndb); its data is part of each job's identity: new data, new assessments (reusing the evidence).")
    Path vulnDb;
    @Option(names = "--job-timeout", paramLabel = "DURATION", defaultValue = "30m", description = "Longest one image may take on a local worker (default: ${DEFAULT-VALUE}).")
    String jobTimeout;
    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Pattern group = groupPattern();
        List<BatchInputs.Image> images = BatchInputs.resolve(inputs, includes);
        if (!Files.isRegularFile(profile)) {
            throw new UserInputException("no such profile: " + profile);
        }
        if (declarations != null && !Files.isRegularFile(declarations)) {
            throw new UserInputException("no such declarations file: " + declarations);
        }
        int threads = workers != null ? workers : (db == null ? 2 : 0);
        if (threads < 0 || (db == null && threads == 0)) {
            throw new UserInputException("--workers must be at least 1 without --db (nothing else would do the work)");
        }
        Path dataDir = data != null ? data : (db == null ? outDir.resolve(".iotb-data") : null);
        Duration timeout = Durations.parse("--job-timeout", jobTimeout);
        PrintWriter err = spec.commandLine().getErr();
        String version = BatchKey.currentPipelineVersion();
        try (BatchDatabase database = BatchDatabase.open(db, dataDir == null ? outDir.resolve(".iotb-data") : dataDir);
             BlobStore blobStore = BlobStores.open(dataDir, blobs, s3Endpoint)) {
            BatchService service = new BatchService(database.dataSource(), database.store(), blobStore);
            BatchService.Request request = new BatchService.Request(images.stream().map(BatchInputs.Image::given).toList(),
                    images.stream().map(BatchInputs.Image::file).toList(), profile, declarations, standards, vulnDb);
            BatchService.Submitted batch = service.submit(request, version);
            long reused = batch.items().stream().filter(BatchStore.Item::reused).count();
            if (!quiet) {
                err.printf("iotb: batch %s: %d images, %d reused, %d jobs queued%s%n", batch.batchId(), images.size(), reused,
                        batch.jobsQueued(), threads == 0 ? " (waiting for iotb worker processes)" : ", " + threads + " local workers");
                err.flush();
            }
            BatchQueue.Running local = threads == 0 ? null : BatchQueue.start(database.dataSource(), database.postgres(),
                    database.store(), blobStore, database.stageStore(blobStore), new WorkerSettings("batch-" + ManagementFactory.getRuntimeMXBean().getName(),
                            threads, Duration.ofMillis(500), Duration.ofSeconds(5), timeout, Duration.ofSeconds(10),
                            (dataDir == null ? outDir.resolve(".iotb-data") : dataDir).resolve("work"), vulnDb));
            try {
                BatchProgress progress = new BatchProgress(err, quiet,
                        !quiet && Output.interactive(), batch.items().size());
                service.follow(batch.batchId(), Duration.ofMillis(500), item -> progress.finished(item,
                        service.store().results(batch.batchId()).get(item.resultKey())), progress::poll);
                progress.end();
            } finally {
                if (local != null) {
                    local.stop();
                }
            }
            List<SummaryEntry> entries = service.summary(batch.batchId());
            List<Path> written = new ArrayList<>(SummaryWriter.write(outDir, version, entries));
            written.add(CorpusOverview.write(outDir, service.overviewRows(batch.batchId(), group)));
            PrintWriter out = spec.commandLine().getOut();
            long done = entries.stream().filter(SummaryEntry::done).count();
            long failing = entries.stream().filter(e -> e.failedMandatoryTotal() > 0).count();
            out.printf("%d images: %d assessed (%d reused), %d could not be assessed, %d with failed mandatory requirements%n",
                    entries.size(), done, entries.stream().filter(SummaryEntry::reused).count(), entries.size() - done, failing);
            written.forEach(w -> out.println("wrote " + w));
            return exitCode(entries);
        }
    }

    /** 3 when an image could not be assessed, else 1 when one failed a mandatory requirement, else 0. */
    static int exitCode(List<SummaryEntry> entries) {
        if (entries.stream().anyMatch(e -> !e.done())) {
            return NOT_ALL_ASSESSED;
        }
        return entries.stream().anyMatch(e -> e.failedMandatoryTotal() > 0) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private Pattern groupPattern() {
        try {
            return groupBy == null ? null : Pattern.compile(groupBy);
        } catch (PatternSyntaxException e) {
            throw new UserInputException("--group-by is not a regular expression: " + e.getDescription());
        }
    }

    /** A bar on a terminal; one line per finished image otherwise; nothing with -q. */
    static final class BatchProgress {
        private final PrintWriter err;
        private final boolean quiet;
        private final boolean live;
        private final int total;
        private int finished;

        BatchProgress(PrintWriter err, boolean quiet, boolean live, int total) {
            this.err = err;
            this.quiet = quiet;
            this.live = live;
            this.total = total;
        }

        void finished(BatchStore.Item item, BatchStore.Result r) {
            finished++;
            if (quiet || live) {
                return;
            }
            SummaryEntry e = BatchService.entry(item, r);
            err.printf("iotb: [%d/%d] %s: %s%s%s%n", finished, total, e.image(), e.status(),
                    e.done() ? ", " + e.failedMandatoryTotal() + " failed mandatory" : " (" + e.detail() + ")",
                    e.reused() ? ", reused" : String.format(" in %.1f s", e.durationSeconds()));
            err.flush();
        }

        void poll(Map<String, BatchStore.Result> results) {
            if (quiet || !live) {
                return;
            }
            long running = results.values().stream().filter(r -> "running".equals(r.status())).count();
            long failed = results.values().stream().filter(r -> "failed".equals(r.status())).count();
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) finished * width / total);
            err.print("\r\033[K[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + finished + "/" + total
                    + " finished, " + running + " running" + (failed > 0 ? ", " + failed + " failed" : ""));
            err.flush();
        }

        void end() {
            if (!quiet && live) {
                err.println();
                err.flush();
            }
        }
    }
}
