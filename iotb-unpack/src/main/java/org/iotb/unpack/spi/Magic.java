package org.iotb.unpack.spi;

/**
 * A byte pattern that announces a format. {@code at} is where the pattern sits relative to the start of the
 * structure (0 for most; 1080 for the ext superblock magic, 257 for tar's "ustar"), so that a pattern found
 * at file position p means a candidate structure at p - at.
 */
public record Magic(byte[] bytes, int at) {

    public static Magic of(int at, int... unsignedBytes) {
        byte[] b = new byte[unsignedBytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) unsignedBytes[i];
        }
        return new Magic(b, at);
    }

    public static Magic ascii(int at, String text) {
        return new Magic(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), at);
    }
}
