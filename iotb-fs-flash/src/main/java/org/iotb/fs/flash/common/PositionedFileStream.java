package org.iotb.fs.flash.common;

import java.io.IOException;
import java.io.InputStream;

/**
 * The stream of a file whose bytes a flash file system keeps in separate nodes, blocks or chunks: the readers
 * only say how many bytes they can give at a position ({@link #readAt}); end of file and positions live here.
 */
public abstract class PositionedFileStream extends InputStream {
    private final long size;
    private long pos;

    protected PositionedFileStream(long size) {
        this.size = size;
    }

    /** Copies between 1 and {@code len} bytes of the file at {@code pos} ({@code pos < size}) into {@code b}. */
    protected abstract int readAt(long pos, byte[] b, int off, int len) throws IOException;

    protected final long size() {
        return size;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        if (pos >= size) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = readAt(pos, b, off, (int) Math.min(len, size - pos));
        pos += n;
        return n;
    }
}
