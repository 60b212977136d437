package org.iotb.store.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iotb.store.blob.LocalBlobStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch on one machine (SQLite, the queue's threads in this JVM) over the example's clean 2.0.0 image: the first
 * batch computes every stage; the same batch again reuses the result; the same image with declarations added is a
 * new assessment that takes the stored evidence and match and computes only the verdicts.
 */
@Tag("integration")
class BatchStagesTest {
    @TempDir
    Path dir;

    static Path example(String file) {
        return Path.of("..").toAbsolutePath().normalize().resolve("examples").resolve(file);
    }

    @Test
    void changedDeclarationsReuseTheEvidenceAndRecomputeOnlyTheVerdicts() throws Exception {
        Path image = example("smart-lock/firmware/sl100-2.0.0-clean.bin");
        Path profile = example("smart-lock-clean/profile.yaml");
        Path vulnDb = dir.resolve("vulndb"); // empty: the bundled starter set, the same for every run
        try (BatchDatabase db = BatchDatabase.open(null, dir.resolve("data"));
             LocalBlobStore blobs = LocalBlobStore.inDataDir(dir.resolve("data"))) {
            BatchService service = new BatchService(db.dataSource(), db.store(), blobs);
            WorkerSettings settings = new WorkerSettings("t", 1, Duration.ofMillis(200), Duration.ofSeconds(2),
                    Duration.ofMinutes(10), Duration.ofSeconds(5), dir.resolve("data/work"), vulnDb);
            try (BatchQueue.Running ignored = BatchQueue.start(db.dataSource(), false, db.store(), blobs, db.stageStore(blobs), settings)) {
                var first = run(service, new BatchService.Request(List.of("clean.bin"), List.of(image), profile, null, List.of(), vulnDb));
                assertThat(first.status()).as(first.detail()).isEqualTo("done");
                assertThat(first.reused()).isFalse();
                assertThat(db.store().stages(key(service, first))).isEqualTo("evidence computed, match computed, verdicts computed");

                var again = run(service, new BatchService.Request(List.of("clean.bin"), List.of(image), profile, null, List.of(), vulnDb));
                assertThat(again.reused()).isTrue();
                assertThat(again.failedMandatory()).isEqualTo(first.failedMandatory());

                var declared = run(service, new BatchService.Request(List.of("clean.bin"), List.of(image), profile,
                        example("smart-lock-clean/declarations.yaml"), List.of(), vulnDb));
                assertThat(declared.status()).as(declared.detail()).isEqualTo("done");
                assertThat(declared.reused()).as("new declarations: a new assessment").isFalse();
                assertThat(db.store().stages(key(service, declared)))
                        .isEqualTo("evidence reused, match reused, verdicts computed");
            }
        }
    }

    private String lastBatch;

    private SummaryEntry run(BatchService service, BatchService.Request request) throws Exception {
        BatchService.Submitted s = service.submit(request, BatchKey.currentPipelineVersion());
        lastBatch = s.batchId();
        service.follow(s.batchId(), Duration.ofMillis(200), item -> { }, results -> { });
        List<SummaryEntry> entries = service.summary(s.batchId());
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private String key(BatchService service, SummaryEntry e) {
        Map<String, BatchStore.Result> results = service.store().results(lastBatch);
        return results.keySet().iterator().next();
    }
}
