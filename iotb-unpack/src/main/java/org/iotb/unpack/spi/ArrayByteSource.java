package org.iotb.unpack.spi;

/** A small in-memory source (fixtures, decompressed metadata blocks). */
final class ArrayByteSource implements ByteSource {
    private final byte[] data;

    ArrayByteSource(byte[] data) {
        this.data = data;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public int read(long pos, byte[] buf, int off, int len) {
        if (pos < 0 || pos >= data.length) {
            return -1;
        }
        int n = (int) Math.min(len, data.length - pos);
        System.arraycopy(data, (int) pos, buf, off, n);
        return n;
    }
}
