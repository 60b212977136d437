package org.iotb.store.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iotb.assess.Assessment;
import org.iotb.catalog.Catalog;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.AssessmentRequest;
import org.iotb.pipeline.NothingExaminedException;
import org.iotb.pipeline.PipelineInputException;
import org.iotb.pipeline.PipelineListener;
import org.iotb.pipeline.firmware.FirmwareWorkspace;
import org.iotb.pipeline.stage.StageStore;
import org.iotb.pipeline.stage.StagedPipeline;
import org.iotb.pipeline.stage.StagedRun;
import org.iotb.store.blob.BlobStore;

/**
 * One batch job: the whole assessment of one image, as {@code iotb assess --profile P [--declarations D]
 * --firmware IMAGE} would run it. The image, profile and declarations come from the blob store (materialised
 * under a per-job scratch folder with their original file names, so the assessment names its inputs as the
 * command line would); the assessment JSON goes back to the blob store and the outcome to the database.
 *
 * <p>The assessment runs as the staged pipeline (org.iotb.pipeline.stage: evidence → vulnerability match → verdicts)
 * with every stage's output kept in the shared blob store (the workspace's
 * {@link org.iotb.store.jobs.DatabaseStageStore}, shared with iotb serve's runs): an image whose evidence any
 * worker computed before is not unpacked again — new vulnerability data re-runs only the match and the verdicts,
 * changed declarations only the verdicts.
 *
 * <p>Limits: the unpacker's budgets (UnpackOptions.defaults(): depth, total bytes, file size, ratio, file count)
 * bound disk and memory per image; a job that runs longer than {@link WorkerSettings#jobTimeout()} is interrupted
 * and its result marked failed, so one hostile image cannot hold a worker thread for ever.
 */
final class AssessImageJob implements BatchQueue.JobRunner, AutoCloseable {
    private final BatchStore store;
    private final BlobStore blobs;
    private final WorkerSettings settings;
    private final StagedPipeline pipeline;
    /** The pipeline runs here, so the queue's thread can give up on it at the time limit. */
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "iotb-batch-job");
        t.setDaemon(true);
        return t;
    });

    AssessImageJob(BatchStore store, BlobStore blobs, StageStore stages, WorkerSettings settings) {
        this.store = store;
        this.blobs = blobs;
        this.settings = settings;
        this.pipeline = new StagedPipeline(new AssessmentPipeline(Catalog.load()), stages);
    }

    @Override
    public void run(String resultKey) {
        BatchStore.Job job = store.job(resultKey).orElse(null);
        if (job == null || "done".equals(job.status())) {
            return; // done already (by an earlier run of the key), or not ours
        }
        String worker = settings.workerName();
        String attempt = store.startAttempt(resultKey, worker);
        long t0 = System.nanoTime();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory(Files.createDirectories(settings.workDir()), "job-");
            AssessmentRequest request = request(job, scratch);
            Future<StagedRun> running = runner.submit(() -> run(request, resultKey));
            StagedRun staged;
            try {
                staged = running.get(settings.jobTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                running.cancel(true);
                store.finish(attempt, resultKey, worker, false, "stopped at the job time limit of "
                        + settings.jobTimeout().toSeconds() + " s", null, null, ms(t0), null);
                return;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
            }
            Assessment a = staged.assessment();
            String sha = storeJson(a);
            store.finish(attempt, resultKey, worker, true, null, ImageOutcome.of(a), sha, ms(t0), describe(staged));
        } catch (NothingExaminedException e) {
            String sha = storeJsonQuietly(e.assessment());
            store.finish(attempt, resultKey, worker, false, e.getMessage(), null, sha, ms(t0), null);
        } catch (PipelineInputException e) {
            store.finish(attempt, resultKey, worker, false, "bad input: " + e.getMessage(), null, null, ms(t0), null);
        } catch (InterruptedException | CancellationException e) {
            // the worker is stopping: leave the attempt open; the queue gives the job to another worker
            Thread.currentThread().interrupt();
        } catch (Exception | OutOfMemoryError e) {
            store.finish(attempt, resultKey, worker, false, "could not be assessed: " + e, null, null, ms(t0), null);
        } finally {
            if (scratch != null) {
                try {
                    FirmwareWorkspace.deleteTree(scratch);
                } catch (IOException ignored) {
                    // scratch under <data>/work: the next job's clean-up or the operator removes it
                }
            }
        }
    }

    private StagedRun run(AssessmentRequest request, String resultKey) throws IOException {
        return pipeline.run(request, new StageRecorder(store, resultKey));
    }

    /** "evidence reused, match computed, verdicts computed": what each stage did, in order. */
    static String describe(StagedRun run) {
        return String.join(", ", run.stages().stream()
                .map(o -> o.stage().id() + " " + o.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList());
    }

    /** The job's inputs as local files with their original names. */
    private AssessmentRequest request(BatchStore.Job job, Path scratch) throws IOException {
        Path blobsDir = scratch.resolve("blobs");
        Path image = local(job.imageSha256(), job.imageName(), blobsDir, scratch.resolve("image"));
        Path profile = local(job.profileSha256(), job.profileName(), blobsDir, scratch.resolve("profile"));
        Path declarations = job.declarationsSha256() == null ? null : DeclarationsBundle.materialise(
                job.declarationsSha256(), job.declarationsName(), blobs, blobsDir, scratch.resolve("declarations"));
        return new AssessmentRequest(profile, declarations, List.of(image), List.of(), null, settings.vulnDb(), null,
                job.standards(), false);
    }

    /** The blob under {@code dir/name}: a hard link to the stored file when possible, else a copy. */
    private Path local(String sha256, String name, Path blobsDir, Path dir) throws IOException {
        Path stored = blobs.materialise(sha256, blobsDir);
        Path target = Files.createDirectories(dir).resolve(safeName(name));
        try {
            Files.createLink(target, stored);
        } catch (FileSystemException | UnsupportedOperationException e) {
            Files.copy(stored, target);
        }
        return target;
    }

    /** A file name only: no directories, nothing that could climb out of the scratch folder. */
    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "input" : base;
    }

    private String storeJson(Assessment a) throws IOException {
        byte[] json = (a.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        return blobs.put(new ByteArrayInputStream(json), json.length).sha256();
    }

    private String storeJsonQuietly(Assessment a) {
        try {
            return a == null ? null : storeJson(a);
        } catch (IOException e) {
            return null;
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    /** Records the stage a job is in (at most once a second), for the batch's progress display. */
    private static final class StageRecorder implements PipelineListener {
        private final BatchStore store;
        private final String key;
        private long last;

        StageRecorder(BatchStore store, String key) {
            this.store = store;
            this.key = key;
        }

        @Override
        public void stageStarted(String stage) {
            long now = System.nanoTime();
            if (now - last > 1_000_000_000L) {
                last = now;
                store.stage(key, stage);
            }
        }

        @Override
        public void progress(String status) {
        }

        @Override
        public void stageDone(String summary) {
        }
    }
}
