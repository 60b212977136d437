package org.iotb.unpack.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import org.iotb.unpack.spi.ByteSource;

/**
 * The project's one set of integer field reads, for every binary reader (formats, file systems, flash).
 * Two families: the checked reads of a structure held in a byte array ({@link #u8(byte[], int)},
 * {@link #u16}, {@link #u32}, {@link #u64} in either byte order), where a read past the end is a
 * {@link CorruptImageException}; and the raw {@code be}/{@code le} reads for callers that have checked the
 * length already. Reads from a {@link ByteSource} past its end are an EOFException.
 */
public final class Bytes {
    private Bytes() {
    }

    public static int u8(ByteSource s, long pos) throws IOException {
        return s.bytes(pos, 1)[0] & 0xff;
    }

    public static int be16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    public static int le16(byte[] b, int i) {
        return ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff);
    }

    public static long be32(byte[] b, int i) {
        return ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    public static long le32(byte[] b, int i) {
        return ((long) (b[i + 3] & 0xff) << 24) | ((b[i + 2] & 0xff) << 16) | ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff);
    }

    public static long le64(byte[] b, int i) {
        return le32(b, i) | (le32(b, i + 4) << 32);
    }

    public static long be64(byte[] b, int i) {
        return (be32(b, i) << 32) | be32(b, i + 4);
    }

    /** True when {@code n} bytes from {@code pos} lie inside the source. */
    public static boolean fits(ByteSource s, long pos, long n) {
        return pos >= 0 && n >= 0 && pos <= s.size() && n <= s.size() - pos;
    }

    public static long crc32(byte[] b, int off, int len) {
        CRC32 c = new CRC32();
        c.update(b, off, len);
        return c.getValue();
    }

    /** CRC-32 (zlib polynomial) of a region, streamed. */
    public static long crc32(ByteSource s, long pos, long len) throws IOException {
        CRC32 c = new CRC32();
        byte[] buf = new byte[64 * 1024];
        long done = 0;
        while (done < len) {
            int n = s.read(pos + done, buf, 0, (int) Math.min(buf.length, len - done));
            if (n <= 0) {
                throw new java.io.EOFException("truncated at " + (pos + done));
            }
            c.update(buf, 0, n);
            done += n;
        }
        return c.getValue();
    }

    /** A NUL-terminated string of at most {@code max} bytes from {@code b}, ISO-8859-1. */
    public static String cString(byte[] b, int off, int max) {
        int end = off;
        int limit = Math.min(b.length, off + max);
        while (end < limit && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public static boolean isPrintable(int c) {
        return c >= 0x20 && c < 0x7f;
    }

    public static int u8(byte[] b, int off) throws CorruptImageException {
        check(b, off, 1);
        return b[off] & 0xff;
    }

    public static int u16(byte[] b, int off, ByteOrder order) throws CorruptImageException {
        check(b, off, 2);
        return order == ByteOrder.LITTLE_ENDIAN ? le16(b, off) : be16(b, off);
    }

    public static long u32(byte[] b, int off, ByteOrder order) throws CorruptImageException {
        check(b, off, 4);
        return order == ByteOrder.LITTLE_ENDIAN ? le32(b, off) : be32(b, off);
    }

    /** A u32 that must fit a non-negative int (sizes, counts); larger values are corruption. */
    public static int u32int(byte[] b, int off, ByteOrder order, String what) throws CorruptImageException {
        long v = u32(b, off, order);
        if (v > Integer.MAX_VALUE) {
            throw new CorruptImageException(what + " out of range: " + v);
        }
        return (int) v;
    }

    public static long u64(byte[] b, int off, ByteOrder order) throws CorruptImageException {
        check(b, off, 8);
        return order == ByteOrder.LITTLE_ENDIAN ? le64(b, off) : be64(b, off);
    }

    /** Throws unless {@code len} bytes from {@code off} lie inside {@code b}. */
    public static void check(byte[] b, int off, int len) throws CorruptImageException {
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new CorruptImageException("structure truncated: need " + len + " bytes at " + off + " of " + b.length);
        }
    }

    public static boolean isPowerOfTwo(long v) {
        return v > 0 && (v & (v - 1)) == 0;
    }
}
