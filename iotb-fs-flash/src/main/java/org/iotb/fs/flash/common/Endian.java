package org.iotb.fs.flash.common;

/** Bounds-checked little/big-endian field reads from a byte array holding one on-flash structure. */
public final class Endian {
    private final boolean little;

    private Endian(boolean little) {
        this.little = little;
    }

    public static final Endian LITTLE = new Endian(true);
    public static final Endian BIG = new Endian(false);

    public boolean isLittle() {
        return little;
    }

    public int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    public int u16(byte[] b, int at) {
        int x = b[at] & 0xff;
        int y = b[at + 1] & 0xff;
        return little ? x | (y << 8) : (x << 8) | y;
    }

    /** Unsigned 32-bit value as a long (hostile lengths never turn negative by accident). */
    public long u32(byte[] b, int at) {
        return s32(b, at) & 0xFFFFFFFFL;
    }

    public int s32(byte[] b, int at) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        int d = b[at + 2] & 0xff;
        int e = b[at + 3] & 0xff;
        return little ? a | (c << 8) | (d << 16) | (e << 24) : (a << 24) | (c << 16) | (d << 8) | e;
    }

    public long u64(byte[] b, int at) {
        long lo = u32(b, at);
        long hi = u32(b, at + 4);
        return little ? lo | (hi << 32) : (lo << 32) | hi;
    }

    @Override
    public String toString() {
        return little ? "little-endian" : "big-endian";
    }
}
