package org.iotb.unpack.codec;

import com.sun.jna.Memory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;

/**
 * A decompressing stream over liblzma for .xz (one stream, like xz-java's SingleXZInputStream) and .lzma
 * "alone" data of any length. Buffers are fixed (64 KiB each way) and the decoder's memory is capped by the
 * limit given, so a hostile header cannot make it allocate more. Not thread-safe.
 *
 * <p>liblzma's own memory (the dictionary, up to the limit) is freed as soon as the stream ends or fails, on
 * {@link #close()}, and at the latest when the stream becomes unreachable: a reader that neither finishes
 * nor closes it must not leak one dictionary per stream of a hostile image.
 */
public final class NativeLzmaInputStream extends InputStream {
    private static final int CHUNK = 64 * 1024;
    private static final Cleaner CLEANER = Cleaner.create();

    private final InputStream in;
    private final Memory strm = new Memory(Liblzma.STREAM_SIZE);
    private final Memory inBuf = new Memory(CHUNK);
    private final Memory outBuf = new Memory(CHUNK);
    private final byte[] chunk = new byte[CHUNK];
    private final Cleaner.Cleanable release;
    private boolean inputEnded;
    private boolean streamEnded;
    private boolean closed;
    private boolean released;
    private long usedAtRelease;
    private IOException failure;

    NativeLzmaInputStream(InputStream in, NativeLzma.Format format, long memLimit) throws IOException {
        this.in = in;
        strm.clear();
        try {
            format.start(strm, memLimit);
        } catch (IOException e) {
            new Release(strm, inBuf, outBuf, false).run();
            throw e;
        }
        this.release = CLEANER.register(this, new Release(strm, inBuf, outBuf, true));
    }

    /** Frees the decoder and the buffers; holds no reference to the stream, so the cleaner can run it. */
    private record Release(Memory strm, Memory inBuf, Memory outBuf, boolean started) implements Runnable {
        @Override
        public void run() {
            if (started) {
                Liblzma.lzma_end(strm);
            }
            strm.close();
            inBuf.close();
            outBuf.close();
        }
    }

    /** Compressed bytes the decoder used: the exact length of the stream once it has ended. */
    public long compressedBytesUsed() {
        return released ? usedAtRelease : strm.getLong(Liblzma.TOTAL_IN);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        if (streamEnded) {
            return -1;
        }
        int want = Math.min(len, CHUNK);
        while (true) {
            if (strm.getLong(Liblzma.AVAIL_IN) == 0 && !inputEnded) {
                int n = in.read(chunk, 0, CHUNK);
                if (n < 0) {
                    inputEnded = true;
                } else if (n > 0) {
                    inBuf.write(0, chunk, 0, n);
                    strm.setPointer(Liblzma.NEXT_IN, inBuf);
                    strm.setLong(Liblzma.AVAIL_IN, n);
                }
            }
            strm.setPointer(Liblzma.NEXT_OUT, outBuf);
            strm.setLong(Liblzma.AVAIL_OUT, want);
            int ret = Liblzma.lzma_code(strm, inputEnded ? Liblzma.FINISH : Liblzma.RUN);
            int produced = (int) (want - strm.getLong(Liblzma.AVAIL_OUT));
            if (produced > 0) {
                outBuf.read(0, b, off, produced);
            }
            if (ret == Liblzma.STREAM_END) {
                streamEnded = true;
                releaseNow();
                return produced > 0 ? produced : -1;
            }
            if (ret != Liblzma.OK && !(ret == Liblzma.BUF_ERROR && !inputEnded)) {
                // deliver what came before the error; the error surfaces on the next read
                failure = ret == Liblzma.BUF_ERROR ? new EOFException("lzma: input ends before the stream does")
                        : new IOException("lzma: " + Liblzma.describe(ret));
                releaseNow();
                if (produced > 0) {
                    return produced;
                }
                throw failure;
            }
            if (produced > 0) {
                return produced;
            }
        }
    }

    /** The decoder is done (ended or failed): its memory goes back now, not at close or collection. */
    private void releaseNow() {
        if (!released) {
            usedAtRelease = strm.getLong(Liblzma.TOTAL_IN);
            released = true;
            release.clean();
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            releaseNow();
            in.close();
        }
    }
}
