package org.iotb.unpack.codec;

import com.sun.jna.Memory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A decompressing stream over liblzma for .xz (one stream, like xz-java's SingleXZInputStream) and .lzma
 * "alone" data of any length. Buffers are fixed (64 KiB each way) and the decoder's memory is capped by the
 * limit given, so a hostile header cannot make it allocate more. Not thread-safe; close it to free the
 * native memory (a forgotten stream is still freed by JNA's cleaner).
 */
public final class NativeLzmaInputStream extends InputStream {
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final Memory strm = new Memory(Liblzma.STREAM_SIZE);
    private final Memory inBuf = new Memory(CHUNK);
    private final Memory outBuf = new Memory(CHUNK);
    private final byte[] chunk = new byte[CHUNK];
    private boolean inputEnded;
    private boolean streamEnded;
    private boolean closed;
    private IOException failure;
    private long usedAtClose;

    NativeLzmaInputStream(InputStream in, NativeLzma.Format format, long memLimit) throws IOException {
        this.in = in;
        strm.clear();
        int init = format == NativeLzma.Format.XZ ? Liblzma.lzma_stream_decoder(strm, memLimit, 0)
                : Liblzma.lzma_alone_decoder(strm, memLimit);
        if (init != Liblzma.OK) {
            free();
            throw new IOException("lzma: " + Liblzma.describe(init));
        }
    }

    /** Compressed bytes the decoder used: the exact length of the stream once it has ended. */
    public long compressedBytesUsed() {
        return closed ? usedAtClose : strm.getLong(Liblzma.TOTAL_IN);
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
                return produced > 0 ? produced : -1;
            }
            if (ret != Liblzma.OK && !(ret == Liblzma.BUF_ERROR && !inputEnded)) {
                // deliver what came before the error; the error surfaces on the next read
                failure = ret == Liblzma.BUF_ERROR ? new EOFException("lzma: input ends before the stream does")
                        : new IOException("lzma: " + Liblzma.describe(ret));
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

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            usedAtClose = strm.getLong(Liblzma.TOTAL_IN);
            Liblzma.lzma_end(strm);
            free();
            in.close();
        }
    }

    private void free() {
        strm.close();
        inBuf.close();
        outBuf.close();
    }
}
