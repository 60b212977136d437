package org.iotb.unpack.spi;

import java.io.IOException;
import java.io.InputStream;

/** Sequential reading of a region of a {@link ByteSource}. */
final class ByteSourceInputStream extends InputStream {
    private final ByteSource source;
    private final long end;
    private long pos;

    ByteSourceInputStream(ByteSource source, long offset, long length) {
        this.source = source;
        this.pos = offset;
        this.end = offset + Math.max(0, length);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (pos >= end) {
            return -1;
        }
        int n = source.read(pos, b, off, (int) Math.min(len, end - pos));
        if (n > 0) {
            pos += n;
        }
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
