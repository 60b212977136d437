package org.iotb.fs.flash.common;

import java.io.IOException;
import org.iotb.unpack.spi.ByteSource;

/**
 * Sequential-ish reads of small structures from a {@link ByteSource} through one cached window, so that scanning
 * a log-structured image word by word does not turn into millions of positional reads.
 */
public final class WindowReader {
    private static final int WINDOW = 64 * 1024;
    private final ByteSource source;
    private final byte[] window = new byte[WINDOW];
    private long windowStart = -1;
    private int windowLen;

    public WindowReader(ByteSource source) {
        this.source = source;
    }

    public long size() {
        return source.size();
    }

    public ByteSource source() {
        return source;
    }

    /** Copies {@code len} bytes at {@code pos}; false when they are not all inside the source. */
    public boolean read(long pos, byte[] dst, int off, int len) throws IOException {
        if (pos < 0 || len < 0 || pos + len > source.size()) {
            return false;
        }
        if (len > WINDOW) {
            source.readFully(pos, dst, off, len);
            return true;
        }
        if (windowStart < 0 || pos < windowStart || pos + len > windowStart + windowLen) {
            fill(pos);
        }
        System.arraycopy(window, (int) (pos - windowStart), dst, off, len);
        return true;
    }

    /** {@code len} bytes at {@code pos} in a new array, or null when they are not all inside the source. */
    public byte[] bytes(long pos, int len) throws IOException {
        byte[] b = new byte[len];
        return read(pos, b, 0, len) ? b : null;
    }

    /** The unsigned byte at {@code pos}, or -1 past the end. */
    public int u8(long pos) throws IOException {
        if (pos < 0 || pos >= source.size()) {
            return -1;
        }
        if (windowStart < 0 || pos < windowStart || pos >= windowStart + windowLen) {
            fill(pos);
        }
        return window[(int) (pos - windowStart)] & 0xff;
    }

    private void fill(long pos) throws IOException {
        int n = (int) Math.min(WINDOW, source.size() - pos);
        source.readFully(pos, window, 0, n);
        windowStart = pos;
        windowLen = n;
    }
}
