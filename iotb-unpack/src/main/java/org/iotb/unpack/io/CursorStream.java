package org.iotb.unpack.io;

import java.io.IOException;
import java.io.InputStream;
import org.iotb.unpack.spi.ByteSource;

/**
 * A buffered stream over a region of a {@link ByteSource} that knows how many bytes its reader actually
 * took ({@link #position()}), unlike the read-ahead of a plain buffer. Decoders that stop exactly at the end
 * of their structure thereby tell the engine how long the structure was.
 */
public final class CursorStream extends InputStream {
    private static final int BUFFER = 64 * 1024;
    /** The first fill reads this much; each later one twice as much, up to {@link #BUFFER}. */
    private static final int FIRST_FILL = 4 * 1024;

    private final ByteSource source;
    private final long end;
    // grown on demand: identification trials read a few KiB from thousands of streams, extraction reads megabytes
    private byte[] buf = new byte[0];
    private long bufStart;
    private int bufLen;
    private long pos;

    public CursorStream(ByteSource source, long offset, long length) {
        this.source = source;
        this.pos = Math.max(0, offset);
        this.end = Math.min(source.size(), pos + Math.max(0, length));
        this.bufStart = pos;
    }

    public CursorStream(ByteSource source, long offset) {
        this(source, offset, Long.MAX_VALUE / 4);
    }

    /** Absolute position in the source of the next byte the reader will get. */
    public long position() {
        return pos;
    }

    public long end() {
        return end;
    }

    private boolean fill() throws IOException {
        if (pos >= end) {
            return false;
        }
        if (pos >= bufStart && pos < bufStart + bufLen) {
            return true;
        }
        if (buf.length < BUFFER) {
            buf = new byte[Math.min(BUFFER, Math.max(FIRST_FILL, buf.length * 2))];
        }
        int want = (int) Math.min(buf.length, end - pos);
        int n = source.read(pos, buf, 0, want);
        if (n <= 0) {
            return false;
        }
        bufStart = pos;
        bufLen = n;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        int b = buf[(int) (pos - bufStart)] & 0xff;
        pos++;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int inBuf = (int) (bufStart + bufLen - pos);
        int n = Math.min(len, inBuf);
        System.arraycopy(buf, (int) (pos - bufStart), b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, end - pos));
        pos += k;
        return k;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - pos);
    }
}
