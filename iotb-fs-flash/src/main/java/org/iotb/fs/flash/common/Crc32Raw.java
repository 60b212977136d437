package org.iotb.fs.flash.common;

/**
 * The Linux kernel's {@code crc32_le(seed, data, len)}: reflected CRC-32 (polynomial 0xEDB88320) with a caller
 * seed and no final inversion. JFFS2 seeds it with 0, UBI and UBIFS with 0xFFFFFFFF; {@link java.util.zip.CRC32}
 * always inverts, so it cannot be used directly.
 */
public final class Crc32Raw {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0xEDB88320 : c >>> 1;
            }
            TABLE[i] = c;
        }
    }

    private Crc32Raw() {
    }

    public static int update(int seed, byte[] data, int off, int len) {
        int c = seed;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
        }
        return c;
    }

    /** JFFS2 flavour: seed 0. */
    public static int jffs2(byte[] data, int off, int len) {
        return update(0, data, off, len);
    }

    /** UBI / UBIFS flavour: seed 0xFFFFFFFF. */
    public static int ubi(byte[] data, int off, int len) {
        return update(0xFFFFFFFF, data, off, len);
    }
}
