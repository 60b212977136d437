package org.iotb.store.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import org.iotb.store.blob.BlobStore.BlobTooLargeException;

/** What every blob store does the same way: check a blob's name, copy within a size limit, hash. */
final class BlobIo {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BlobIo() {
    }

    /** Refuses anything that is not 64 lowercase hex digits (a path, "..", upper case, empty). */
    static String requireDigest(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a blob name (64 lowercase hex digits): "
                    + (sha256 == null ? "null" : sha256.length() > 80 ? sha256.substring(0, 80) + "…" : sha256));
        }
        return sha256;
    }

    /** Copies at most {@code maxBytes}; one byte more and the copy stops with {@link BlobTooLargeException}. */
    static long copyAtMost(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new BlobTooLargeException(maxBytes);
            }
            out.write(buf, 0, n);
        }
        return total;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
