package org.iotb.unpack.codec;

/**
 * The 13-byte header of .lzma "alone" data: properties byte (lc, lp, pb), dictionary size and uncompressed size,
 * little-endian. liblzma reads the raw LZMA layouts of squashfs and JFFS2 through it, once it is put in front.
 */
public final class LzmaHeader {
    public static final int LENGTH = 13;
    /** The uncompressed size that means "unknown: the data ends with an end marker, or where the input does". */
    public static final long UNKNOWN_SIZE = -1;

    private LzmaHeader() {
    }

    public static byte[] alone(int props, long dictSize, long uncompressedSize) {
        byte[] h = new byte[LENGTH];
        h[0] = (byte) props;
        for (int i = 0; i < 4; i++) {
            h[1 + i] = (byte) (dictSize >>> (8 * i));
        }
        for (int i = 0; i < 8; i++) {
            h[5 + i] = (byte) (uncompressedSize >>> (8 * i));
        }
        return h;
    }

    /** The properties byte for literal context bits {@code lc}, literal position bits {@code lp}, position bits {@code pb}. */
    public static int props(int lc, int lp, int pb) {
        return (pb * 5 + lp) * 9 + lc;
    }
}
