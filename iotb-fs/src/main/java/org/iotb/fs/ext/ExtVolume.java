package org.iotb.fs.ext;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.spi.ByteSource;

/** Block and inode access for one ext volume; metadata blocks go through a small LRU cache. */
final class ExtVolume {
    private static final int CACHE = 256;

    final ByteSource fs;
    final ExtSuperblock sb;
    private final Map<Long, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHE;
        }
    };

    ExtVolume(ByteSource fs, ExtSuperblock sb) throws CorruptImageException {
        this.fs = fs;
        this.sb = sb;
        if (sb.has(ExtSuperblock.INCOMPAT_META_BG)) {
            throw new CorruptImageException("meta_bg group descriptor layout is not supported");
        }
    }

    int blockSize() {
        return sb.blockSize();
    }

    /** A metadata block (cached). */
    byte[] block(long n) throws IOException {
        byte[] b = cache.get(n);
        if (b == null) {
            b = readBlock(n);
            cache.put(n, b);
        }
        return b;
    }

    /** An uncached block read, for file data. */
    byte[] readBlock(long n) throws IOException {
        checkBlock(n);
        return fs.bytes(n * sb.blockSize(), sb.blockSize());
    }

    void checkBlock(long n) throws CorruptImageException {
        if (n <= 0 || n >= sb.blocksCount()) {
            throw new CorruptImageException("block " + n + " outside the volume of " + sb.blocksCount() + " blocks");
        }
    }

    ExtInode inode(long number) throws IOException {
        if (number < 1 || number > sb.inodesCount()) {
            throw new CorruptImageException("inode number " + number + " out of range");
        }
        long group = (number - 1) / sb.inodesPerGroup();
        long index = (number - 1) % sb.inodesPerGroup();
        long descPos = (sb.firstDataBlock() + 1) * sb.blockSize() + group * sb.descSize();
        long descBlock = descPos / sb.blockSize();
        int descOff = (int) (descPos % sb.blockSize());
        byte[] db = block(descBlock);
        long table = Bytes.u32(db, descOff + 8, LITTLE_ENDIAN);
        if (sb.has(ExtSuperblock.INCOMPAT_64BIT) && sb.descSize() >= 64) {
            table |= Bytes.u32(db, descOff + 0x28, LITTLE_ENDIAN) << 32;
        }
        long pos = table * sb.blockSize() + index * sb.inodeSize();
        checkBlock(table);
        if (pos + sb.inodeSize() > sb.length()) {
            throw new CorruptImageException("inode " + number + " outside the volume");
        }
        long blk = pos / sb.blockSize();
        int off = (int) (pos % sb.blockSize());
        byte[] raw = java.util.Arrays.copyOfRange(block(blk), off, off + sb.inodeSize());
        return new ExtInode(number, raw);
    }
}
