package org.iotb.fs.squashfs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.codec.BlockDecompressor;
import org.iotb.unpack.spi.ByteSource;

/**
 * Fragment blocks pack the tails of many files. The table is a list of 64-bit pointers to metadata blocks of
 * 16-byte entries (start, stored size). Decompressed fragments are cached (LRU) because consecutive files
 * usually share one.
 */
final class FragmentTable {
    private static final int CACHE = 16;

    private final ByteSource fs;
    private final Geometry sb;
    private final MetadataTable meta;
    private final BlockDecompressor codec;
    private final Map<Long, Future<byte[]>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Future<byte[]>> eldest) {
            return size() > CACHE;
        }
    };

    FragmentTable(ByteSource fs, Geometry sb, MetadataTable meta, BlockDecompressor codec) {
        this.fs = fs;
        this.sb = sb;
        this.meta = meta;
        this.codec = codec;
    }

    /** Whether fragment block {@code index} is already decompressed or under way (a later file shares it). */
    boolean isCached(long index) {
        return cache.containsKey(index);
    }

    /**
     * The fragment block {@code index}, decompressed on the scheduler's pool; the future is shared by every
     * file whose tail lives in it. The table lookup itself happens on the calling (walking) thread.
     */
    Future<byte[]> fragment(long index, Scheduler scheduler) throws IOException {
        if (index < 0 || index >= sb.fragmentCount()) {
            throw new CorruptImageException("fragment index " + index + " beyond the " + sb.fragmentCount() + " fragments");
        }
        Future<byte[]> cached = cache.get(index);
        if (cached != null) {
            return cached;
        }
        int perBlock = MetadataTable.BLOCK / sb.fragmentEntrySize();
        int ptrSize = sb.fragmentPointerSize();
        long pointerPos = sb.fragmentTableStart() + ptrSize * (index / perBlock);
        if (pointerPos + ptrSize > sb.bytesUsed()) {
            throw new CorruptImageException("fragment table pointer outside the image");
        }
        byte[] ptr = fs.bytes(pointerPos, ptrSize);
        long blockPos = ptrSize == 8 ? Bytes.u64(ptr, 0, sb.order()) : Bytes.u32(ptr, 0, sb.order());
        MetadataTable.Cursor c = meta.at(blockPos, (int) (index % perBlock) * sb.fragmentEntrySize());
        long start = sb.fragmentEntrySize() == 16 ? c.u64() : c.u32();
        long size = c.u32();
        Future<byte[]> data = scheduler.pool.submit(() -> DataBlocks.readBlock(fs, sb, codec, start, size,
                sb.blockSize()));
        cache.put(index, data);
        return data;
    }
}
