package org.iotb.fs.squashfs;

import static org.iotb.unpack.io.Bytes.u16;
import static org.iotb.unpack.io.Bytes.u32;
import static org.iotb.unpack.io.Bytes.u64;
import static org.iotb.unpack.io.Bytes.u8;

import java.nio.ByteOrder;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;

/**
 * Squashfs 2.x and 3.x superblocks (packed C structs: 63 bytes for 2.x, 119 for 3.x, which appended 64-bit
 * table positions). Both store data with zlib in the reference tools; vendors swapped in LZMA.
 */
final class LegacySuperblock {
    static final int SIZE_V2 = 63;
    static final int SIZE_V3 = 119;
    private static final int FLAG_CHECK = 0x04;
    static final int LZMA_MINOR = 0x4c;

    private LegacySuperblock() {
    }

    static Geometry parse(byte[] b, ByteOrder order, long available) throws CorruptImageException {
        int major = u16(b, 28, order);
        int minor = u16(b, 30, order);
        // minor 0x4c ('L') marks vendor LZMA builds (seen in the wild for both 2.x and 3.x)
        if (!((major == 2 || major == 3) && (minor <= 1 || minor == LZMA_MINOR))) {
            throw new CorruptImageException("not squashfs 2.x/3.x: " + major + "." + minor);
        }
        int blockLog = u16(b, 34, order);
        int flags = u8(b, 36);
        long root = u64(b, 43, order);
        long blockSize = u32(b, 51, order);
        long fragments = u32(b, 55, order);
        long inodes = u32(b, 4, order);
        long bytesUsed;
        long inodeTable;
        long dirTable;
        long fragTable;
        int header;
        if (major == 2) {
            Bytes.check(b, 0, SIZE_V2);
            header = SIZE_V2;
            bytesUsed = u32(b, 8, order);
            inodeTable = u32(b, 20, order);
            dirTable = u32(b, 24, order);
            fragTable = u32(b, 59, order);
        } else {
            Bytes.check(b, 0, SIZE_V3);
            header = SIZE_V3;
            bytesUsed = u64(b, 63, order);
            inodeTable = u64(b, 87, order);
            dirTable = u64(b, 95, order);
            fragTable = u64(b, 103, order);
        }
        if (blockLog < 12 || blockLog > 20 || blockSize != (1L << blockLog)) {
            throw new CorruptImageException("implausible block size " + blockSize + " (log " + blockLog + ")");
        }
        if (bytesUsed < header || bytesUsed > available) {
            throw new CorruptImageException("bytes_used " + bytesUsed + " outside the " + available + " bytes available");
        }
        if (!(header <= inodeTable && inodeTable < dirTable && dirTable < bytesUsed)) {
            throw new CorruptImageException("inode/directory tables out of order");
        }
        if (fragments > 0 && (fragTable < dirTable || fragTable >= bytesUsed)) {
            throw new CorruptImageException("fragment table out of range");
        }
        if (inodes == 0 || inodes > bytesUsed) {
            throw new CorruptImageException("implausible inode count " + inodes);
        }
        if ((root >>> 16) >= dirTable - inodeTable || (root & 0xffff) >= MetadataTable.BLOCK) {
            throw new CorruptImageException("root inode outside the inode table");
        }
        return new Geometry(order, major, minor, (int) blockSize, bytesUsed, inodeTable, dirTable, fragTable,
                fragments, root, (flags & FLAG_CHECK) != 0, major == 2 ? 8 : 16, major == 2 ? 4 : 8, inodes);
    }
}
