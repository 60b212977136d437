package org.iotb.store.batch;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.iotb.catalog.Catalog;
import org.iotb.model.io.InputFiles;
import org.iotb.pipeline.stage.VulnDataIdentity;
import org.iotb.store.blob.BlobStore;

/**
 * What {@code iotb batch} does, without the command line: puts the images (and the profile and declarations) into
 * the blob store, enqueues one job per distinct {@link BatchKey} (a key whose result is done is reused, not run
 * again), follows the results until every image is done or failed, and turns them into the summary and the corpus
 * overview. The jobs run wherever workers listen on the same database: threads of this process
 * ({@link BatchQueue#start}) or {@code iotb worker} processes.
 */
public final class BatchService {
    private final BatchStore store;
    private final BlobStore blobs;
    private final SchedulerClient client;

    public BatchService(DataSource dataSource, BatchStore store, BlobStore blobs) {
        this.store = store;
        this.blobs = blobs;
        this.client = BatchQueue.client(dataSource, store.postgres());
    }

    /**
     * The batch's inputs: each image's path as given (how the summary names it) and the file to read, the profile,
     * the declarations (null: none), the standards (empty: all), the vulnerability store the workers read (null:
     * $IOTB_VULNDB or the user's default; its identity is part of every key).
     */
    public record Request(List<String> images, List<Path> files, Path profile, Path declarations, List<String> standards,
                          Path vulnDb) {
        public Request {
            images = List.copyOf(images);
            files = List.copyOf(files);
            if (images.size() != files.size()) {
                throw new IllegalArgumentException("one file per image");
            }
            standards = standards == null ? List.of() : List.copyOf(standards);
        }
    }

    /** An enqueued batch: its id and each image's item, in order. */
    public record Submitted(String batchId, List<BatchStore.Item> items, int jobsQueued) {
    }

    public Submitted submit(Request request, String pipelineVersion) throws IOException {
        String profileSha = putFile(request.profile(), "profile");
        String declSha = null;
        if (request.declarations() != null) {
            InputFiles.requireFile(request.declarations(), "declarations");
            declSha = DeclarationsBundle.put(request.declarations(), Catalog.load(), blobs);
        }
        String vulnData = VulnDataIdentity.of(request.vulnDb());
        String batchId = store.newBatch();
        int jobs = 0;
        Set<String> submitted = new HashSet<>();
        for (int i = 0; i < request.images().size(); i++) {
            String image = request.images().get(i);
            Path file = request.files().get(i);
            String sha = putFile(file, "image");
            BatchKey key = new BatchKey(sha, pipelineVersion, profileSha, declSha, request.standards(), vulnData);
            BatchStore.Enqueued e = store.enqueue(batchId, i, image, key, fileName(file), fileName(request.profile()),
                    request.declarations() == null ? null : fileName(request.declarations()));
            if (e.needsJob() && submitted.add(e.resultKey())) {
                BatchQueue.submit(client, e.resultKey(), i);
                jobs++;
            }
        }
        return new Submitted(batchId, store.items(batchId), jobs);
    }

    private String putFile(Path file, String what) throws IOException {
        InputFiles.requireFile(file, what);
        try (InputStream in = Files.newInputStream(file)) {
            return blobs.put(in, Long.MAX_VALUE).sha256();
        }
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }

    /**
     * Waits until every item of the batch is done or failed, polling every {@code poll}; {@code onFinished} hears of
     * each item once, as it finishes; {@code onPoll} gets the current results after each poll (for a progress bar).
     */
    public void follow(String batchId, Duration poll, Consumer<BatchStore.Item> onFinished,
                       Consumer<Map<String, BatchStore.Result>> onPoll) throws InterruptedException {
        List<BatchStore.Item> items = store.items(batchId);
        Set<Integer> reported = new HashSet<>();
        while (true) {
            Map<String, BatchStore.Result> results = store.results(batchId);
            for (BatchStore.Item item : items) {
                BatchStore.Result r = results.get(item.resultKey());
                if (r != null && r.finished() && reported.add(item.position())) {
                    onFinished.accept(item);
                }
            }
            onPoll.accept(results);
            if (reported.size() == items.size()) {
                return;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** The summary entries of a finished batch, in the batch's order. */
    public List<SummaryEntry> summary(String batchId) {
        Map<String, BatchStore.Result> results = store.results(batchId);
        List<SummaryEntry> out = new ArrayList<>();
        for (BatchStore.Item item : store.items(batchId)) {
            out.add(entry(item, results.get(item.resultKey())));
        }
        return out;
    }

    public static SummaryEntry entry(BatchStore.Item item, BatchStore.Result r) {
        boolean done = "done".equals(r.status());
        double seconds = r.durationMs() == null ? 0 : r.durationMs() / 1000.0;
        return new SummaryEntry(item.image(), r.imageSha256(), done ? SummaryEntry.DONE : SummaryEntry.FAILED,
                done && r.outcome() != null ? r.outcome().failedMandatory() : Map.of(), seconds, item.reused(),
                done ? null : (r.detail() == null ? r.status() : r.detail()));
    }

    /** The corpus overview's rows, grouped by directory or by {@code groupBy} (null: directory). */
    public List<CorpusOverview.Row> overviewRows(String batchId, Pattern groupBy) {
        Map<String, BatchStore.Result> results = store.results(batchId);
        List<CorpusOverview.Row> rows = new ArrayList<>();
        for (BatchStore.Item item : store.items(batchId)) {
            BatchStore.Result r = results.get(item.resultKey());
            boolean done = "done".equals(r.status()) && r.outcome() != null;
            rows.add(new CorpusOverview.Row(item.image(), CorpusOverview.group(item.image(), groupBy), done,
                    done ? r.outcome() : null));
        }
        return rows;
    }

    public BatchStore store() {
        return store;
    }
}
