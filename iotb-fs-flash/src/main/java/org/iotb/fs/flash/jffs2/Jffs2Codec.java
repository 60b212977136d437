package org.iotb.fs.flash.jffs2;

import java.io.IOException;
import org.iotb.unpack.codec.KnownSizeBlocks;

/** Turns the stored bytes of one data node into its {@code dsize} plain bytes. */
final class Jffs2Codec {
    /** Properties of the Linux jffs2 lzma compressor (fixed, not stored in the image). */
    private static final int LZMA_LC = 0;
    private static final int LZMA_LP = 0;
    private static final int LZMA_PB = 0;
    private static final int LZMA_DICT = 0x2000;

    private Jffs2Codec() {
    }

    static byte[] decode(int compr, byte[] src, int dsize) throws IOException {
        return switch (compr) {
            case Jffs2Format.COMPR_NONE, Jffs2Format.COMPR_COPY -> exact(src, dsize);
            case Jffs2Format.COMPR_ZERO -> new byte[dsize];
            case Jffs2Format.COMPR_ZLIB -> KnownSizeBlocks.inflate(src, 0, src.length, dsize, false);
            case Jffs2Format.COMPR_RTIME -> rtime(src, dsize);
            case Jffs2Format.COMPR_LZO -> KnownSizeBlocks.lzo(src, 0, src.length, dsize);
            // The decoder dictionary only bounds match distances; never smaller than the node itself.
            case Jffs2Format.COMPR_LZMA -> KnownSizeBlocks.lzmaRaw(src, 0, src.length, dsize, LZMA_LC, LZMA_LP, LZMA_PB,
                    Math.max(LZMA_DICT, dsize));
            default -> throw new IOException("unsupported JFFS2 compressor " + Jffs2Format.comprName(compr));
        };
    }

    private static byte[] exact(byte[] src, int dsize) throws IOException {
        if (src.length < dsize) {
            throw new IOException("uncompressed node holds " + src.length + " bytes, expected " + dsize);
        }
        return src.length == dsize ? src : java.util.Arrays.copyOf(src, dsize);
    }

    /**
     * The "rtime" run-length scheme: pairs of (byte, repeat) where the repeat copies from just after the
     * previous occurrence of that byte value.
     */
    static byte[] rtime(byte[] src, int dsize) throws IOException {
        byte[] out = new byte[dsize];
        int[] positions = new int[256];
        int in = 0;
        int outPos = 0;
        while (outPos < dsize) {
            if (in + 2 > src.length) {
                throw new IOException("rtime data ends early at output byte " + outPos + " of " + dsize);
            }
            int value = src[in++] & 0xff;
            out[outPos++] = (byte) value;
            int repeat = src[in++] & 0xff;
            int back = positions[value];
            positions[value] = outPos;
            if (repeat > dsize - outPos) {
                throw new IOException("rtime repeat runs past the node size");
            }
            // Byte by byte: source and destination may overlap, which extends a run.
            for (int k = 0; k < repeat; k++) {
                out[outPos++] = out[back++];
            }
        }
        return out;
    }
}
