package org.iotb.fs.ext;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.iotb.fs.common.CorruptImageException;

/**
 * A file's bytes through its block map: holes and unmapped blocks are zeros; runs of contiguous blocks are
 * read in one go. A block outside the volume ends the stream with a warning.
 */
final class ExtFile extends InputStream {
    private static final int RUN = 64;

    private final ExtVolume vol;
    private final BlockMap map;
    private final long size;
    private final String path;
    private final Consumer<String> warn;
    private long nextBlock;
    private long delivered;
    private byte[] buf = new byte[0];
    private int pos;
    private int len;
    private boolean failed;

    ExtFile(ExtVolume vol, BlockMap map, long size, String path, Consumer<String> warn) {
        this.vol = vol;
        this.map = map;
        this.size = size;
        this.path = path;
        this.warn = warn;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        while (pos >= len) {
            if (failed || delivered >= size) {
                return -1;
            }
            try {
                fill();
            } catch (CorruptImageException e) {
                failed = true;
                warn.accept("ext: " + path + ": " + e.getMessage() + "; file cut short");
                return -1;
            }
        }
        int k = Math.min(n, len - pos);
        System.arraycopy(buf, pos, b, off, k);
        pos += k;
        return k;
    }

    private void fill() throws IOException {
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
        pos = 0;
        len = bytes;
    }
}
