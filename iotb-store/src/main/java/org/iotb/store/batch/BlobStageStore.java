package org.iotb.store.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.iotb.pipeline.stage.StageKey;
import org.iotb.pipeline.stage.StageStore;
import org.iotb.store.blob.BlobStore;
import org.jdbi.v3.core.Jdbi;

/**
 * The staged pipeline's outputs (org.iotb.pipeline.stage) kept for the whole cluster: the bytes in the blob store
 * (content-addressed), the stage key → blob digest index in the database (table batch_stage). Every worker sees
 * every other worker's outputs, so an image's evidence is computed once for the catalogue: new vulnerability data
 * re-runs only the match and the verdicts, changed declarations only the verdicts. The pipeline checks every output
 * it gets back, so a lost or damaged blob only means the stage is computed again.
 */
public final class BlobStageStore implements StageStore {
    /** Stage outputs larger than this are not kept (an evidence output is a few MB at most). */
    static final long MAX_OUTPUT = 256L << 20;

    private final Jdbi jdbi;
    private final BlobStore blobs;

    BlobStageStore(Jdbi jdbi, BlobStore blobs) {
        this.jdbi = jdbi;
        this.blobs = blobs;
    }

    @Override
    public Optional<byte[]> get(StageKey key) throws IOException {
        Optional<String> sha = jdbi.withHandle(h -> h.createQuery("SELECT blob_sha256 FROM batch_stage WHERE stage_key = :k")
                .bind("k", key.hex()).mapTo(String.class).findOne());
        if (sha.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(sha.get())) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(StageKey key, byte[] output) throws IOException {
        if (output.length > MAX_OUTPUT) {
            return;
        }
        String sha = blobs.put(new ByteArrayInputStream(output), output.length).sha256();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO batch_stage (stage_key, blob_sha256) VALUES (:k, :s)"
                + " ON CONFLICT (stage_key) DO UPDATE SET blob_sha256 = excluded.blob_sha256").bind("k", key.hex()).bind("s", sha).execute());
    }
}
