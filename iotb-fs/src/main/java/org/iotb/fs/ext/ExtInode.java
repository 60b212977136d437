package org.iotb.fs.ext;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;

/** One on-disk inode, decoded lazily from its raw bytes. */
record ExtInode(long number, byte[] raw) {
    static final long FLAG_EXTENTS = 0x80000;
    static final long FLAG_INLINE_DATA = 0x10000000;

    int mode() throws CorruptImageException {
        return Bytes.u16(raw, 0, LITTLE_ENDIAN);
    }

    int type() throws CorruptImageException {
        return mode() & 0170000;
    }

    long size() throws CorruptImageException {
        long lo = Bytes.u32(raw, 4, LITTLE_ENDIAN);
        long hi = Bytes.u32(raw, 108, LITTLE_ENDIAN);
        long s = lo | hi << 32;
        if (s < 0) {
            throw new CorruptImageException("inode " + number + " size out of range");
        }
        return s;
    }

    long mtime() throws CorruptImageException {
        return Bytes.u32(raw, 16, LITTLE_ENDIAN);
    }

    int links() throws CorruptImageException {
        return Bytes.u16(raw, 26, LITTLE_ENDIAN);
    }

    long flags() throws CorruptImageException {
        return Bytes.u32(raw, 32, LITTLE_ENDIAN);
    }

    long blocks512() throws CorruptImageException {
        return Bytes.u32(raw, 28, LITTLE_ENDIAN);
    }

    long fileAcl() throws CorruptImageException {
        return Bytes.u32(raw, 104, LITTLE_ENDIAN);
    }

    /** The 60-byte i_block area: block pointers, extent tree root, inline data or a fast symlink. */
    byte[] iBlock() {
        return java.util.Arrays.copyOfRange(raw, 40, 100);
    }

    boolean hasFlag(long f) throws CorruptImageException {
        return (flags() & f) != 0;
    }

    /** Extra inode space (after 128 bytes) where in-inode extended attributes live. */
    int extraIsize() throws CorruptImageException {
        return raw.length > 128 ? Bytes.u16(raw, 128, LITTLE_ENDIAN) : 0;
    }
}
