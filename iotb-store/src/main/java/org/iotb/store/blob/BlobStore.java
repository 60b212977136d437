package org.iotb.store.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content-addressed storage of firmware images, assessments and reports: each blob is stored once, under the hex
 * SHA-256 of its bytes. Implementations: a local directory (shared over NFS by a cluster) and an S3-compatible
 * bucket. Names never come from a request: a caller can only name a blob by a digest it got from {@link #put}, and
 * every implementation refuses anything that is not 64 lowercase hex digits.
 */
public interface BlobStore extends AutoCloseable {

    /**
     * Stores the stream's bytes (at most {@code maxBytes}; more → {@link BlobTooLargeException}, nothing kept) and
     * returns their reference. Storing the same bytes twice keeps one copy.
     */
    BlobRef put(InputStream content, long maxBytes) throws IOException;

    /** Whether a blob with this digest is stored. */
    boolean exists(String sha256) throws IOException;

    /** The blob's bytes; {@link java.nio.file.NoSuchFileException} when it is not stored. */
    InputStream open(String sha256) throws IOException;

    /**
     * A readable local file with the blob's bytes, for the pipeline (which reads paths): the stored file itself for
     * a local store, a copy under {@code scratch} for a remote one. The caller must not modify it.
     */
    Path materialise(String sha256, Path scratch) throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** A stored blob: its digest and size in bytes. */
    record BlobRef(String sha256, long size) {
    }

    /** The content was larger than the caller allowed. */
    final class BlobTooLargeException extends IOException {
        public BlobTooLargeException(long limit) {
            super("larger than the limit of " + limit + " bytes");
        }
    }
}
