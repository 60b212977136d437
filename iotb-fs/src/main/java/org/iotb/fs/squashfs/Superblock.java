package org.iotb.fs.squashfs;

import static org.iotb.unpack.io.Bytes.u16;
import static org.iotb.unpack.io.Bytes.u32;
import static org.iotb.unpack.io.Bytes.u64;

import java.nio.ByteOrder;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;

/** The 96-byte squashfs 4.0 superblock, validated against the bytes available. */
record Superblock(ByteOrder order, long inodeCount, long mtime, int blockSize, long fragmentCount, int compressor,
                  int flags, int idCount, int major, int minor, long rootInode, long bytesUsed, long idTableStart,
                  long xattrTableStart, long inodeTableStart, long directoryTableStart, long fragmentTableStart,
                  long exportTableStart) {

    static final int SIZE = 96;
    static final int FLAG_COMPRESSOR_OPTIONS = 0x0400;
    static final long NO_TABLE = -1L;

    /** Returns the byte order announced by the magic (standard or vendor, see {@link SquashfsMagic}), or null. */
    static ByteOrder orderOf(byte[] b) {
        SquashfsMagic m = SquashfsMagic.of(b);
        return m == null ? null : m.order();
    }

    /** Version fields sit at 28/30 in every squashfs version, so this works before the layout is known. */
    static int majorVersion(byte[] b, ByteOrder order) throws CorruptImageException {
        return u16(b, 28, order);
    }

    static Superblock parse(byte[] b, ByteOrder order) throws CorruptImageException {
        Bytes.check(b, 0, SIZE);
        return new Superblock(order, u32(b, 4, order), u32(b, 8, order), (int) Math.min(u32(b, 12, order), 1 << 30),
                u32(b, 16, order), u16(b, 20, order), u16(b, 24, order), u16(b, 26, order), u16(b, 28, order),
                u16(b, 30, order), u64(b, 32, order), u64(b, 40, order), u64(b, 48, order), u64(b, 56, order),
                u64(b, 64, order), u64(b, 72, order), u64(b, 80, order), u64(b, 88, order));
    }

    /** Checks what a genuine superblock guarantees; a carved false positive fails one of these. */
    void validate(long available, int blockLog) throws CorruptImageException {
        if (major != 4 || minor != 0) {
            throw new CorruptImageException("unsupported squashfs version " + major + "." + minor);
        }
        if (!Bytes.isPowerOfTwo(blockSize) || blockSize < 4096 || blockSize > (1 << 20)
                || (1 << blockLog) != blockSize) {
            throw new CorruptImageException("implausible block size " + blockSize + " (log " + blockLog + ")");
        }
        if (compressor < 1 || compressor > 6) {
            throw new CorruptImageException("unknown compressor id " + compressor);
        }
        if (bytesUsed < SIZE || bytesUsed > available) {
            throw new CorruptImageException("bytes_used " + bytesUsed + " outside the " + available + " bytes available");
        }
        if (!(SIZE <= inodeTableStart && inodeTableStart < directoryTableStart && directoryTableStart < bytesUsed)) {
            throw new CorruptImageException("inode/directory tables out of order");
        }
        if (idTableStart < directoryTableStart || idTableStart >= bytesUsed || idCount == 0) {
            throw new CorruptImageException("id table out of range");
        }
        if (fragmentCount > 0 && (fragmentTableStart < directoryTableStart || fragmentTableStart >= bytesUsed)) {
            throw new CorruptImageException("fragment table out of range");
        }
        if (inodeCount == 0 || inodeCount > bytesUsed) {
            throw new CorruptImageException("implausible inode count " + inodeCount);
        }
        if ((rootInode >>> 16) >= directoryTableStart - inodeTableStart) {
            throw new CorruptImageException("root inode outside the inode table");
        }
    }

    Geometry geometry() {
        return new Geometry(order, major, minor, blockSize, bytesUsed, inodeTableStart, directoryTableStart,
                fragmentTableStart, fragmentCount, rootInode, false, 16, 8, inodeCount);
    }

    /** mksquashfs pads the image to a multiple of 4 KiB; the padding belongs to the file system. */
    long paddedLength(long available) {
        long padded = (bytesUsed + 4095) & ~4095L;
        return Math.min(padded, available);
    }
}
