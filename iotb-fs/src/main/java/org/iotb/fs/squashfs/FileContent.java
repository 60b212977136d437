package org.iotb.fs.squashfs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.codec.BlockDecompressor;
import org.iotb.unpack.spi.ByteSource;

/**
 * A regular file's bytes, streamed. Its blocks (then its tail, from a fragment) are decompressed on the pool
 * ahead of the reader: the walker calls {@link #scheduleOne()} for upcoming files while the sink writes the
 * current one, within the {@link Scheduler}'s global budget, so memory stays at budget x block size. A
 * corrupt block ends the stream early with a warning: the file is reported short rather than filled with
 * invented bytes. Only the walking thread calls into this class.
 */
final class FileContent extends InputStream {
    /** {@code shared}: a fragment future other files also wait for, never cancelled from here. */
    private record Pending(Future<byte[]> data, long offset, int length, boolean shared, boolean counted) {
    }

    private final ByteSource fs;
    private final Geometry sb;
    private final BlockDecompressor codec;
    private final Scheduler scheduler;
    private final FragmentTable fragments;
    private final Inode inode;
    private final Consumer<String> warn;
    private final String path;
    private final long blockCount;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();

    private long scheduled;
    private long nextStart;
    private boolean fragmentScheduled;
    private boolean exhausted;
    private boolean failed;
    private byte[] current = new byte[0];
    private int currentPos;
    private int currentEnd;

    FileContent(ByteSource fs, Geometry sb, BlockDecompressor codec, Scheduler scheduler, FragmentTable fragments,
                Inode inode, String path, Consumer<String> warn) {
        this.fs = fs;
        this.sb = sb;
        this.codec = codec;
        this.scheduler = scheduler;
        this.fragments = fragments;
        this.inode = inode;
        this.path = path;
        this.warn = warn;
        long bs = sb.blockSize();
        this.blockCount = inode.hasFragment() ? inode.fileSize() / bs : (inode.fileSize() + bs - 1) / bs;
        this.nextStart = inode.blocksStart();
        this.fragmentScheduled = !inode.hasFragment() || inode.fileSize() % bs == 0;
    }

    /** Starts decompressing the next block or the tail; false when everything is already scheduled. */
    boolean scheduleOne() {
        if (exhausted) {
            return false;
        }
        try {
            if (scheduled < blockCount) {
                long index = scheduled++;
                int expected = (int) Math.min(sb.blockSize(), inode.fileSize() - index * sb.blockSize());
                long word = inode.blockList().u32();
                long stored = word & (DataBlocks.UNCOMPRESSED - 1);
                if (stored == 0) { // sparse block: zeros, nothing stored
                    add(CompletableFuture.completedFuture(new byte[expected]), 0, expected, false, true);
                    return true;
                }
                long start = nextStart;
                nextStart += stored;
                add(scheduler.pool.submit(() -> DataBlocks.readBlock(fs, sb, codec, start, word, expected)), 0,
                        expected, false, true);
                return true;
            }
            if (!fragmentScheduled) {
                fragmentScheduled = true;
                int tail = (int) (inode.fileSize() % sb.blockSize());
                // a fragment block another file already asked for costs no new work: it takes no budget slot,
                // or a directory of small files sharing a few fragments would fill the budget and idle the pool
                boolean shared = fragments.isCached(inode.fragment());
                add(fragments.fragment(inode.fragment(), scheduler), inode.fragmentOffset(), tail, true, !shared);
                return true;
            }
        } catch (IOException e) {
            add(CompletableFuture.failedFuture(e), 0, 0, false, false);
        }
        exhausted = true;
        return false;
    }

    private void add(Future<byte[]> f, long offset, int length, boolean shared, boolean counted) {
        queue.add(new Pending(f, offset, length, shared, counted));
        if (counted) {
            scheduler.started();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (currentPos >= currentEnd) {
            if (!advance()) {
                return -1;
            }
        }
        int n = Math.min(len, currentEnd - currentPos);
        System.arraycopy(current, currentPos, b, off, n);
        currentPos += n;
        return n;
    }

    private boolean advance() throws IOException {
        if (failed) {
            return false;
        }
        if (queue.isEmpty() && !scheduleOne()) {
            return false;
        }
        // keep the pipeline full for this file while its head is being waited for
        while (scheduler.hasRoom() && scheduleOne()) {
            // scheduled
        }
        Pending p = queue.poll();
        if (p.counted()) {
            scheduler.finished();
        }
        try {
            byte[] data = get(p.data());
            if (p.offset() < 0 || p.offset() + p.length() > data.length) {
                throw new CorruptImageException("block holds " + data.length + " bytes, needed " + p.offset() + "+"
                        + p.length());
            }
            current = data;
            currentPos = (int) p.offset();
            currentEnd = (int) p.offset() + p.length();
            return true;
        } catch (CorruptImageException e) {
            fail(e.getMessage());
            return false;
        }
    }

    private void fail(String why) {
        failed = true;
        close();
        warn.accept("squashfs: " + path + ": " + why + "; file cut short");
    }

    private static byte[] get(Future<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while decompressing");
        } catch (java.util.concurrent.CancellationException e) {
            throw new CorruptImageException("block decompression cancelled");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new CorruptImageException(c.getMessage() == null ? c.toString() : c.getMessage(), c);
        }
    }

    /** Cancels what was decompressed ahead and gives its budget back; safe to call more than once. */
    @Override
    public void close() {
        for (Pending p : queue) {
            if (!p.shared()) {
                p.data().cancel(false);
            }
            if (p.counted()) {
                scheduler.finished();
            }
        }
        queue.clear();
        exhausted = true;
    }
}
