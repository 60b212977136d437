package org.iotb.unpack.codec;

import com.sun.jna.Memory;
import java.io.IOException;

/**
 * One-shot decoding of a whole compressed block with liblzma (squashfs and JFFS2 blocks: the input and the
 * largest output are known up front). Every call has its own decoder state and native buffers, so pool
 * threads decode blocks in parallel. Callers go through {@link #decodeIfPossible} and keep xz-java as the
 * fallback, and as the reference when liblzma rejects a block.
 */
public final class NativeLzma {
    /** The container a block is in: a whole .xz stream, or .lzma "alone" (13-byte header). */
    public enum Format {
        XZ, ALONE;

        /** Sets up liblzma's decoder for this container in {@code strm}, or says why liblzma refused. */
        void start(Memory strm, long memLimit) throws IOException {
            int init = this == XZ ? Liblzma.lzma_stream_decoder(strm, memLimit, 0)
                    : Liblzma.lzma_alone_decoder(strm, memLimit);
            if (init != Liblzma.OK) {
                throw new IOException("lzma: " + Liblzma.describe(init));
            }
        }
    }

    private NativeLzma() {
    }

    /** Loaded on first use; a holder class so that {@link #loadInBackground()} itself does not wait for it. */
    private static final class State {
        static final boolean AVAILABLE;
        static final String DESCRIPTION;

        static {
            boolean ok;
            String text;
            try {
                ok = Liblzma.AVAILABLE;
                text = ok ? "liblzma " + Liblzma.VERSION : "xz-java (" + Liblzma.WHY_NOT + ")";
            } catch (LinkageError e) { // JNA itself is not on the class path: Liblzma cannot even be linked
                ok = false;
                text = "xz-java (no JNA: " + e.getMessage() + ")";
            }
            AVAILABLE = ok;
            DESCRIPTION = text;
            loaded = text;
        }
    }

    /** Set once {@link State} has loaded; read without triggering the load. */
    private static volatile String loaded;

    /**
     * Starts loading JNA and liblzma (about 0.1 s, mostly JNA's own start-up) on a daemon thread, so that it
     * overlaps other work; a caller that needs the decoder before then simply waits for the load to finish.
     */
    public static void loadInBackground() {
        Thread t = new Thread(() -> {
            boolean ignored = State.AVAILABLE;
        }, "liblzma-load");
        t.setDaemon(true);
        t.start();
    }

    /** True when liblzma and JNA could be loaded on this machine (and were not disabled). */
    public static boolean available() {
        return State.AVAILABLE;
    }

    /** "liblzma 5.4.1", or why the pure-Java decoder is used instead. */
    public static String description() {
        return State.DESCRIPTION;
    }

    /** {@link #description()} if the decoder has been loaded (by use or {@link #loadInBackground()}), else null. */
    public static String descriptionIfLoaded() {
        return loaded;
    }

    /** A memory limit for .lzma data with this dictionary: the dictionary liblzma allocates plus its fixed state. */
    public static long aloneMemoryLimit(long dictSize) {
        return dictSize + (4L << 20);
    }

    /**
     * {@link #decode} for callers that keep xz-java as the fallback: -1 when liblzma is not loaded or refuses the
     * block, so that xz-java, the reference, decodes it or explains why it is corrupt.
     */
    public static int decodeIfPossible(Format format, byte[] header, byte[] src, int off, int len, byte[] dst,
                                       int dstMax, long memLimit, boolean keepTruncated) {
        if (!available()) {
            return -1;
        }
        try {
            return decode(format, header, src, off, len, dst, dstMax, memLimit, keepTruncated);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Decodes {@code header} (may be null) followed by {@code src[off, off+len)} into {@code dst}, producing at
     * most {@code dstMax} bytes. More output than that is an error. With {@code keepTruncated}, input that ends
     * without an end marker, or garbage after good data, still returns what was decoded before it (vendor
     * "raw LZMA" blocks carry neither a size nor an end marker); the result is then never empty.
     *
     * @throws IOException the block is corrupt, truncated, over the memory limit or too large
     */
    public static int decode(Format format, byte[] header, byte[] src, int off, int len, byte[] dst, int dstMax,
                             long memLimit, boolean keepTruncated) throws IOException {
        if (!State.AVAILABLE) {
            throw new IllegalStateException("liblzma is not available: " + State.DESCRIPTION);
        }
        int headerLen = header == null ? 0 : header.length;
        long inLen = (long) headerLen + len;
        long outCap = dstMax + 1L; // one spare byte tells "exactly dstMax" from "more than dstMax"
        try (Memory strm = new Memory(Liblzma.STREAM_SIZE);
             Memory in = new Memory(Math.max(1, inLen));
             Memory out = new Memory(outCap)) {
            strm.clear();
            if (headerLen > 0) {
                in.write(0, header, 0, headerLen);
            }
            in.write(headerLen, src, off, len);
            format.start(strm, memLimit);
            try {
                strm.setPointer(Liblzma.NEXT_IN, in);
                strm.setLong(Liblzma.AVAIL_IN, inLen);
                strm.setPointer(Liblzma.NEXT_OUT, out);
                strm.setLong(Liblzma.AVAIL_OUT, outCap);
                int ret;
                do {
                    // liblzma answers BUF_ERROR after two calls without progress, so this ends
                    ret = Liblzma.lzma_code(strm, Liblzma.FINISH);
                } while (ret == Liblzma.OK);
                long produced = outCap - strm.getLong(Liblzma.AVAIL_OUT);
                if (produced > dstMax) {
                    throw new IOException("lzma: block decompresses to more than " + dstMax + " bytes");
                }
                boolean partialOk = keepTruncated && produced > 0
                        && (ret == Liblzma.BUF_ERROR || ret == Liblzma.DATA_ERROR);
                if (ret != Liblzma.STREAM_END && !partialOk) {
                    throw new IOException("lzma: " + Liblzma.describe(ret));
                }
                out.read(0, dst, 0, (int) produced);
                return (int) produced;
            } finally {
                Liblzma.lzma_end(strm);
            }
        }
    }
}
