package org.iotb.unpack.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read with positional reads through a {@link FileChannel}; thread-safe, nothing slurped. Small reads
 * (format identification reads a few header bytes at each of thousands of candidate offsets, mostly close
 * together) are served from one 64 KiB window, which saves a system call per read; large reads go straight
 * to the channel.
 */
final class FileByteSource implements ByteSource {
    static final int WINDOW = 64 * 1024;
    static final int SMALL_READ = 4096;

    private final FileChannel channel;
    private final long size;
    private byte[] window;
    private long windowStart;
    private int windowLength;

    FileByteSource(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long pos, byte[] buf, int off, int len) throws IOException {
        if (pos < 0 || pos >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - pos);
        if (n <= SMALL_READ) {
            return readSmall(pos, buf, off, n);
        }
        return channel.read(ByteBuffer.wrap(buf, off, n), pos);
    }

    private synchronized int readSmall(long pos, byte[] buf, int off, int n) throws IOException {
        if (window == null || pos < windowStart || pos + n > windowStart + windowLength) {
            fill(pos & ~(SMALL_READ - 1L)); // aligned: [pos, pos + n) then lies inside the window
        }
        int avail = (int) Math.min(n, windowStart + windowLength - pos);
        if (avail <= 0) {
            return channel.read(ByteBuffer.wrap(buf, off, n), pos); // the file shrank under us
        }
        System.arraycopy(window, (int) (pos - windowStart), buf, off, avail);
        return avail;
    }

    private void fill(long start) throws IOException {
        if (window == null) {
            window = new byte[WINDOW];
        }
        int want = (int) Math.min(WINDOW, size - start);
        ByteBuffer bb = ByteBuffer.wrap(window, 0, want);
        while (bb.hasRemaining()) {
            if (channel.read(bb, start + bb.position()) < 0) {
                break;
            }
        }
        windowStart = start;
        windowLength = bb.position();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
