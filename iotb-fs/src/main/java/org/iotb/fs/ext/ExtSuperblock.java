package org.iotb.fs.ext;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.iotb.unpack.io.Bytes.u16;
import static org.iotb.unpack.io.Bytes.u32;

import java.nio.charset.StandardCharsets;
import org.iotb.unpack.io.CorruptImageException;

/** The ext2/3/4 superblock (1024 bytes at offset 1024), checked against the bytes available. */
record ExtSuperblock(long inodesCount, long blocksCount, long firstDataBlock, int blockSize, long blocksPerGroup,
                     long inodesPerGroup, int inodeSize, long compat, long incompat, long roCompat, int descSize,
                     long mtime, String volumeName) {
    static final int OFFSET = 1024;
    static final int SIZE = 1024;
    static final int MAGIC = 0xEF53;
    static final long COMPAT_JOURNAL = 0x4;
    static final long INCOMPAT_FILETYPE = 0x2;
    static final long INCOMPAT_META_BG = 0x10;
    static final long INCOMPAT_EXTENTS = 0x40;
    static final long INCOMPAT_64BIT = 0x80;
    static final long INCOMPAT_INLINE_DATA = 0x8000;
    static final long INCOMPAT_ENCRYPT = 0x10000;

    static ExtSuperblock parse(byte[] b, long available) throws CorruptImageException {
        if (u16(b, 56, LITTLE_ENDIAN) != MAGIC) {
            throw new CorruptImageException("no ext magic");
        }
        long logBlock = u32(b, 24, LITTLE_ENDIAN);
        if (logBlock > 6) {
            throw new CorruptImageException("block size log " + logBlock);
        }
        int bs = 1024 << logBlock;
        long incompat = u32(b, 96, LITTLE_ENDIAN);
        long rev = u32(b, 76, LITTLE_ENDIAN);
        long blocks = u32(b, 4, LITTLE_ENDIAN);
        int descSize = 32;
        if ((incompat & INCOMPAT_64BIT) != 0) {
            blocks |= u32(b, 0x150, LITTLE_ENDIAN) << 32;
            descSize = u16(b, 0xFE, LITTLE_ENDIAN);
            if (descSize < 32 || descSize > 1024 || (descSize & (descSize - 1)) != 0) {
                throw new CorruptImageException("group descriptor size " + descSize);
            }
        }
        int inodeSize = rev >= 1 ? u16(b, 88, LITTLE_ENDIAN) : 128;
        long firstData = u32(b, 20, LITTLE_ENDIAN);
        long bpg = u32(b, 32, LITTLE_ENDIAN);
        long ipg = u32(b, 40, LITTLE_ENDIAN);
        long inodes = u32(b, 0, LITTLE_ENDIAN);
        if (blocks == 0 || blocks > available / bs) {
            throw new CorruptImageException(blocks + " blocks of " + bs + " exceed the " + available + " bytes available");
        }
        if (inodeSize < 128 || inodeSize > bs || (inodeSize & (inodeSize - 1)) != 0) {
            throw new CorruptImageException("inode size " + inodeSize);
        }
        if (bpg == 0 || bpg > 8L * bs || ipg == 0 || ipg > 8L * bs) {
            throw new CorruptImageException("implausible group geometry");
        }
        if (firstData != (bs == 1024 ? 1 : 0)) {
            throw new CorruptImageException("first data block " + firstData + " for block size " + bs);
        }
        long groups = (blocks - firstData + bpg - 1) / bpg;
        if (inodes == 0 || inodes > groups * ipg) {
            throw new CorruptImageException("inode count " + inodes + " inconsistent with " + groups + " groups");
        }
        int nameEnd = 120;
        while (nameEnd < 136 && b[nameEnd] != 0) {
            nameEnd++;
        }
        return new ExtSuperblock(inodes, blocks, firstData, bs, bpg, ipg, inodeSize, u32(b, 92, LITTLE_ENDIAN),
                incompat, u32(b, 100, LITTLE_ENDIAN), descSize, u32(b, 44, LITTLE_ENDIAN),
                new String(b, 120, nameEnd - 120, StandardCharsets.UTF_8));
    }

    long groupCount() {
        return (blocksCount - firstDataBlock + blocksPerGroup - 1) / blocksPerGroup;
    }

    long length() {
        return blocksCount * blockSize;
    }

    boolean has(long incompatFlag) {
        return (incompat & incompatFlag) != 0;
    }

    String kind() {
        if (has(INCOMPAT_EXTENTS) || has(INCOMPAT_64BIT) || has(INCOMPAT_INLINE_DATA) || has(0x200)) {
            return "ext4";
        }
        return (compat & COMPAT_JOURNAL) != 0 ? "ext3" : "ext2";
    }
}
