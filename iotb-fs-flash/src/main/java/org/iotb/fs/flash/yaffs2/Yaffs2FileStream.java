package org.iotb.fs.flash.yaffs2;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.TreeMap;
import org.iotb.unpack.spi.ByteSource;

/** A YAFFS2 file: chunk n (from 1) holds bytes [(n-1)*page, (n-1)*page + nBytes); the rest reads as zeros. */
final class Yaffs2FileStream extends InputStream {
    private final ByteSource source;
    private final int page;
    private final TreeMap<Long, Yaffs2Reader.DataChunk> chunks;
    private final long size;
    private long pos;

    Yaffs2FileStream(ByteSource source, int page, TreeMap<Long, Yaffs2Reader.DataChunk> chunks, long size) {
        this.source = source;
        this.page = page;
        this.chunks = chunks;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (pos >= size) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        long chunkId = pos / page + 1;
        int within = (int) (pos % page);
        int n = (int) Math.min(Math.min(len, page - within), size - pos);
        Yaffs2Reader.DataChunk c = chunks.get(chunkId);
        int stored = c == null ? 0 : Math.max(0, Math.min(c.nBytes() - within, n));
        if (stored > 0) {
            source.readFully(c.pos() + within, b, off, stored);
        }
        Arrays.fill(b, off + stored, off + n, (byte) 0);
        pos += n;
        return n;
    }
}
