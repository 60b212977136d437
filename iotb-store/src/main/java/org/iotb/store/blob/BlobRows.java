package org.iotb.store.blob;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** The {@code blobs} table: one row per stored blob (what the workspace keeps, for accounting and clean-up). */
public final class BlobRows {
    private BlobRows() {
    }

    /** Records a stored blob; a second record of the same digest changes nothing. */
    public static void record(Handle h, BlobStore.BlobRef ref) {
        h.createUpdate("INSERT INTO blobs (sha256, size, created_at) VALUES (:s, :size, :now) ON CONFLICT (sha256) DO NOTHING")
                .bind("s", ref.sha256()).bind("size", ref.size()).bind("now", Instant.now().toEpochMilli()).execute();
    }
}
