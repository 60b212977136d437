package org.iotb.fs.ext;

import java.io.IOException;
import java.util.function.Consumer;
import org.iotb.unpack.io.CorruptImageException;

/**
 * A file's bytes through its block map: holes and unmapped blocks are zeros; runs of contiguous blocks are
 * read in one go. A block outside the volume ends the stream with a warning.
 */
final class ExtFile extends org.iotb.fs.common.RefillingStream {
    private static final int RUN = 64;

    private final ExtVolume vol;
    private final BlockMap map;
    private final long size;
    private long nextBlock;
    private long delivered;
    private byte[] buf = new byte[0];

    ExtFile(ExtVolume vol, BlockMap map, long size, String path, Consumer<String> warn) {
        super("ext: " + path, warn);
        this.vol = vol;
        this.map = map;
        this.size = size;
    }

    @Override
    protected boolean exhausted() {
        return delivered >= size;
    }

    @Override
    protected void refill() throws IOException {
        int bs = vol.blockSize();
        long first = map.physical(nextBlock);
        int run = 1;
        long remainingBlocks = (size - delivered + bs - 1) / bs;
        if (first != 0) {
            while (run < RUN && run < remainingBlocks && map.physical(nextBlock + run) == first + run) {
                run++;
            }
        }
        int bytes = (int) Math.min((long) run * bs, size - delivered);
        if (buf.length < run * bs) {
            buf = new byte[run * bs];
        }
        if (first == 0) {
            java.util.Arrays.fill(buf, 0, bytes, (byte) 0);
        } else {
            vol.checkBlock(first);
            vol.checkBlock(first + run - 1);
            vol.fs.readFully(first * bs, buf, 0, bytes);
        }
        nextBlock += run;
        delivered += bytes;
        deliver(buf, bytes);
    }
}
