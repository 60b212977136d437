package org.iotb.fs.common;

import java.nio.ByteOrder;
import org.iotb.unpack.io.CorruptImageException;

/** Bounds-checked integer reads from a byte array in either byte order. */
public final class Bytes {
    private Bytes() {
    }

    public static int u8(byte[] b, int off) throws CorruptImageException {
        check(b, off, 1);
        return b[off] & 0xff;
    }

    public static int u16(byte[] b, int off, ByteOrder order) throws CorruptImageException {
        check(b, off, 2);
        int x0 = b[off] & 0xff;
        int x1 = b[off + 1] & 0xff;
        return order == ByteOrder.LITTLE_ENDIAN ? x0 | x1 << 8 : x0 << 8 | x1;
    }

    public static long u32(byte[] b, int off, ByteOrder order) throws CorruptImageException {
        check(b, off, 4);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (3 - i);
            v |= (long) (b[off + i] & 0xff) << shift;
        }
        return v;
    }

    /** A u32 that must fit a non-negative int (sizes, counts); larger values are corruption. */
    public static int u32int(byte[] b, int off, ByteOrder order, String what) throws CorruptImageException {
        long v = u32(b, off, order);
        if (v > Integer.MAX_VALUE) {
            throw new CorruptImageException(what + " out of range: " + v);
        }
        return (int) v;
    }

    public static long u64(byte[] b, int off, ByteOrder order) throws CorruptImageException {
        check(b, off, 8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (7 - i);
            v |= (long) (b[off + i] & 0xff) << shift;
        }
        return v;
    }

    public static void check(byte[] b, int off, int len) throws CorruptImageException {
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new CorruptImageException("structure truncated: need " + len + " bytes at " + off + " of " + b.length);
        }
    }

    public static boolean isPowerOfTwo(long v) {
        return v > 0 && (v & (v - 1)) == 0;
    }
}
