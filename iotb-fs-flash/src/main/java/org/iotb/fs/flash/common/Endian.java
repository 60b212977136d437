package org.iotb.fs.flash.common;

import org.iotb.unpack.io.Bytes;

/**
 * Little/big-endian field reads from a byte array holding one on-flash structure, for readers that pick the
 * order once per image; the reads themselves are {@link Bytes}' unchecked ones (callers check a structure's
 * length before reading its fields).
 */
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
        return little ? Bytes.le16(b, at) : Bytes.be16(b, at);
    }

    /** Unsigned 32-bit value as a long (hostile lengths never turn negative by accident). */
    public long u32(byte[] b, int at) {
        return little ? Bytes.le32(b, at) : Bytes.be32(b, at);
    }

    public int s32(byte[] b, int at) {
        return (int) u32(b, at);
    }

    public long u64(byte[] b, int at) {
        return little ? Bytes.le64(b, at) : Bytes.be64(b, at);
    }

    @Override
    public String toString() {
        return little ? "little-endian" : "big-endian";
    }
}
