package org.iotb.store.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Optional;
import org.iotb.pipeline.stage.StageKey;
import org.iotb.pipeline.stage.StageStore;
import org.iotb.store.blob.BlobRows;
import org.iotb.store.blob.BlobStore;
import org.iotb.store.db.Database;

/**
 * The staged pipeline's outputs in the workspace: the bytes are a blob (content-addressed, shared by all workers),
 * the table {@code stage_outputs} maps each {@link StageKey} to its blob. An image's evidence stored by its first
 * assessment is what a re-assessment (new declarations, new vulnerability data) reads instead of unpacking again.
 * The pipeline checks every output it gets back, so a lost or damaged blob only means the stage is computed again.
 */
public final class DatabaseStageStore implements StageStore {
    /** A stored stage output is the evidence of one image: a few MiB; this only guards the store. */
    private static final long MAX_OUTPUT_BYTES = 1L << 31;

    private final Database db;
    private final BlobStore blobs;

    public DatabaseStageStore(Database db, BlobStore blobs) {
        this.db = db;
        this.blobs = blobs;
    }

    @Override
    public Optional<byte[]> get(StageKey key) throws IOException {
        Optional<String> sha = db.jdbi().withHandle(h -> h.createQuery("SELECT blob_sha256 FROM stage_outputs WHERE stage_key = :k")
                .bind("k", key.hex()).mapTo(String.class).findOne());
        if (sha.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(sha.get())) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchFileException e) {
            return Optional.empty(); // the row outlived its blob: compute again
        }
    }

    @Override
    public void put(StageKey key, byte[] output) throws IOException {
        BlobStore.BlobRef ref = blobs.put(new ByteArrayInputStream(output), MAX_OUTPUT_BYTES);
        db.jdbi().useTransaction(h -> {
            BlobRows.record(h, ref);
            h.createUpdate("INSERT INTO stage_outputs (stage_key, blob_sha256, created_at) VALUES (:k, :s, :now)"
                            + " ON CONFLICT (stage_key) DO UPDATE SET blob_sha256 = excluded.blob_sha256, created_at = excluded.created_at")
                    .bind("k", key.hex()).bind("s", ref.sha256()).bind("now", Instant.now().toEpochMilli()).execute();
        });
    }

    /** The blob of a stored stage output (for the run's {@code evidence_sha256}), if any. */
    public Optional<String> blobOf(StageKey key) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT blob_sha256 FROM stage_outputs WHERE stage_key = :k")
                .bind("k", key.hex()).mapTo(String.class).findOne());
    }
}
