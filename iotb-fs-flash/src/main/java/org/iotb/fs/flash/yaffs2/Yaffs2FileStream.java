package org.iotb.fs.flash.yaffs2;

import java.io.IOException;
import java.util.Arrays;
import java.util.TreeMap;
import org.iotb.unpack.spi.ByteSource;

/** A YAFFS2 file: chunk n (from 1) holds bytes [(n-1)*page, (n-1)*page + nBytes); the rest reads as zeros. */
final class Yaffs2FileStream extends org.iotb.fs.flash.common.PositionedFileStream {
    private final ByteSource source;
    private final int page;
    private final TreeMap<Long, Yaffs2Reader.DataChunk> chunks;

    Yaffs2FileStream(ByteSource source, int page, TreeMap<Long, Yaffs2Reader.DataChunk> chunks, long size) {
        super(size);
        this.source = source;
        this.page = page;
        this.chunks = chunks;
    }

    @Override
    protected int readAt(long pos, byte[] b, int off, int len) throws IOException {
        long chunkId = pos / page + 1;
        int within = (int) (pos % page);
        int n = Math.min(len, page - within);
        Yaffs2Reader.DataChunk c = chunks.get(chunkId);
        int stored = c == null ? 0 : Math.max(0, Math.min(c.nBytes() - within, n));
        if (stored > 0) {
            source.readFully(c.pos() + within, b, off, stored);
        }
        Arrays.fill(b, off + stored, off + n, (byte) 0);
        return n;
    }
}
