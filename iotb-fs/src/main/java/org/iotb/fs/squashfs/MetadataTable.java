package org.iotb.fs.squashfs;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.codec.BlockDecompressor;
import org.iotb.unpack.spi.ByteSource;

/**
 * Squashfs metadata: a chain of blocks, each a 16-bit header (bit 15 = stored uncompressed, low 15 bits =
 * stored length) followed by at most 8 KiB once decompressed. Decompressed blocks are kept in a small LRU cache
 * so that memory stays bounded whatever the size of the inode and directory tables. Not thread-safe: only the
 * walking thread reads metadata.
 */
final class MetadataTable {
    static final int BLOCK = 8192;
    private static final int CACHE_BLOCKS = 2048;

    record Block(byte[] data, long next) {
    }

    private final ByteSource fs;
    private final ByteOrder order;
    private final ByteOrder headerOrder;
    private final BlockDecompressor codec;
    private final long limit;
    private final int markerBytes;
    private final Map<Long, Block> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Block> eldest) {
            return size() > CACHE_BLOCKS;
        }
    };

    /**
     * {@code headerOrder} is normally the image's byte order; AVM's big-endian images keep little-endian
     * block headers around big-endian contents.
     */
    MetadataTable(ByteSource fs, ByteOrder order, ByteOrder headerOrder, BlockDecompressor codec, long limit) {
        this(fs, order, headerOrder, codec, limit, false);
    }

    /** {@code checkData}: squashfs 2/3 images made with -check_data put a marker byte after each header. */
    MetadataTable(ByteSource fs, ByteOrder order, ByteOrder headerOrder, BlockDecompressor codec, long limit,
                  boolean checkData) {
        this.markerBytes = checkData ? 1 : 0;
        this.fs = fs;
        this.order = order;
        this.headerOrder = headerOrder;
        this.codec = codec;
        this.limit = limit;
    }

    ByteOrder order() {
        return order;
    }

    Block block(long pos) throws IOException {
        Block b = cache.get(pos);
        if (b == null) {
            b = load(pos);
            cache.put(pos, b);
        }
        return b;
    }

    private Block load(long pos) throws IOException {
        if (pos < 0 || pos + 2 > limit) {
            throw new CorruptImageException("metadata block at " + pos + " outside the image");
        }
        int header = Bytes.u16(fs.bytes(pos, 2), 0, headerOrder);
        int stored = header & 0x7fff;
        boolean raw = (header & 0x8000) != 0;
        long body = pos + 2 + markerBytes;
        if (stored == 0 || body + stored > limit || (raw && stored > BLOCK)) {
            throw new CorruptImageException("metadata block at " + pos + " has bad length " + stored);
        }
        byte[] in = fs.bytes(body, stored);
        byte[] data;
        if (raw) {
            data = in;
        } else {
            byte[] out = new byte[BLOCK];
            int n = codec.decompress(in, 0, stored, out, BLOCK);
            data = n == BLOCK ? out : java.util.Arrays.copyOf(out, n);
        }
        return new Block(data, body + stored);
    }

    /**
     * Picks the header byte order under which the first inode-table block has a length that fits before the
     * directory table, preferring the image's own order.
     */
    static ByteOrder probeHeaderOrder(ByteSource fs, Geometry sb) throws IOException {
        byte[] h = fs.bytes(sb.inodeTableStart(), 2);
        long room = sb.directoryTableStart() - sb.inodeTableStart() - 2;
        ByteOrder other = sb.order() == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        for (ByteOrder o : new ByteOrder[] {sb.order(), other}) {
            int len = Bytes.u16(h, 0, o) & 0x7fff;
            if (len > 0 && len <= room && len <= BLOCK) {
                return o;
            }
        }
        return sb.order();
    }

    Cursor at(long blockPos, int offset) {
        return new Cursor(blockPos, offset);
    }

    /** A read position inside the chain; reads continue into the next block transparently. */
    final class Cursor {
        private long blockPos;
        private int offset;

        private Cursor(long blockPos, int offset) {
            this.blockPos = blockPos;
            this.offset = offset;
        }

        void read(byte[] dst, int off, int len) throws IOException {
            int done = 0;
            int hops = 0;
            while (done < len) {
                Block b = block(blockPos);
                if (offset >= b.data().length) {
                    if (b.data().length == 0 || ++hops > len / 64 + 4) {
                        throw new CorruptImageException("metadata offset " + offset + " beyond block at " + blockPos);
                    }
                    offset -= b.data().length;
                    blockPos = b.next();
                    continue;
                }
                int n = Math.min(len - done, b.data().length - offset);
                System.arraycopy(b.data(), offset, dst, off + done, n);
                done += n;
                offset += n;
            }
        }

        byte[] bytes(int len) throws IOException {
            if (len < 0 || len > 64 * 1024 * 1024) {
                throw new CorruptImageException("metadata length " + len + " exceeds the limit");
            }
            byte[] b = new byte[len];
            read(b, 0, len);
            return b;
        }

        int u16() throws IOException {
            return Bytes.u16(bytes(2), 0, order);
        }

        long u32() throws IOException {
            return Bytes.u32(bytes(4), 0, order);
        }

        long u64() throws IOException {
            return Bytes.u64(bytes(8), 0, order);
        }
    }
}
