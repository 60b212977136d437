package org.iotb.unpack.spi;

import java.io.IOException;

/** A window onto another source; never reads outside [offset, offset + length). */
final class SliceByteSource implements ByteSource {
    private final ByteSource parent;
    private final long offset;
    private final long length;

    SliceByteSource(ByteSource parent, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative slice " + offset + "+" + length);
        }
        this.parent = parent;
        this.offset = Math.min(offset, parent.size());
        this.length = Math.min(length, parent.size() - this.offset);
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public int read(long pos, byte[] buf, int off, int len) throws IOException {
        if (pos < 0 || pos >= length) {
            return -1;
        }
        return parent.read(offset + pos, buf, off, (int) Math.min(len, length - pos));
    }

    @Override
    public ByteSource slice(long off, long len) {
        long start = Math.min(off, length);
        return new SliceByteSource(parent, offset + start, Math.min(len, length - start));
    }
}
