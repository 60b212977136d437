package org.iotb.unpack.spi;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Random-access, read-only bytes of an image or of a region of it. Implementations never load a large input
 * into memory: a file is read with positional reads, a region is a view. Readers must treat every byte as
 * hostile: offsets and lengths read from a structure are checked against {@link #size()} before use.
 */
public interface ByteSource extends AutoCloseable {

    long size();

    /** Reads up to {@code len} bytes at {@code pos}; returns the count read, -1 at or past the end. */
    int read(long pos, byte[] buf, int off, int len) throws IOException;

    /** A view of {@code length} bytes from {@code offset}; the view is clipped to this source's end. */
    default ByteSource slice(long offset, long length) {
        return new SliceByteSource(this, offset, length);
    }

    /** Reads exactly {@code len} bytes at {@code pos} or throws {@link EOFException}. */
    default void readFully(long pos, byte[] buf, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = read(pos + done, buf, off + done, len - done);
            if (n <= 0) {
                throw new EOFException("truncated: wanted " + len + " bytes at offset " + pos + ", source has " + size());
            }
            done += n;
        }
    }

    /** Reads exactly {@code len} bytes at {@code pos} into a new array (callers bound {@code len}). */
    default byte[] bytes(long pos, int len) throws IOException {
        byte[] b = new byte[len];
        readFully(pos, b, 0, len);
        return b;
    }

    /** A stream of {@code length} bytes from {@code offset}, clipped to the end of the source. */
    default InputStream stream(long offset, long length) {
        return new ByteSourceInputStream(this, offset, Math.min(length, Math.max(0, size() - offset)));
    }

    @Override
    default void close() throws IOException {
    }

    static ByteSource of(byte[] data) {
        return new ArrayByteSource(data);
    }

    /** Opens a file for positional reads; the caller closes it. */
    static ByteSource open(Path file) throws IOException {
        return new FileByteSource(file);
    }
}
