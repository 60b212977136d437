package org.iotb.fs.cramfs;

import java.nio.ByteOrder;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;

/**
 * A 12-byte cramfs inode: mode:16 uid:16 / size:24 gid:8 / namelen:6 offset:26. The bit fields are laid out
 * by the C compiler of the machine that built the image, so a big-endian image packs them from the top bit.
 * {@code namelen} and {@code offset} count 4-byte units.
 */
record CramfsInode(int mode, int uid, long size, int gid, int nameLen, long offset) {
    static final int SIZE = 12;

    static CramfsInode parse(byte[] b, int off, ByteOrder order) throws CorruptImageException {
        long w0 = Bytes.u32(b, off, order);
        long w1 = Bytes.u32(b, off + 4, order);
        long w2 = Bytes.u32(b, off + 8, order);
        if (order == ByteOrder.LITTLE_ENDIAN) {
            return new CramfsInode((int) (w0 & 0xffff), (int) (w0 >>> 16), w1 & 0xffffff, (int) (w1 >>> 24),
                    (int) (w2 & 0x3f) * 4, (w2 >>> 6) * 4);
        }
        return new CramfsInode((int) (w0 >>> 16), (int) (w0 & 0xffff), w1 >>> 8, (int) (w1 & 0xff),
                (int) (w2 >>> 26) * 4, (w2 & 0x3ffffff) * 4);
    }

    int type() {
        return mode & 0170000;
    }

    boolean isDirectory() {
        return type() == 0040000;
    }
}
