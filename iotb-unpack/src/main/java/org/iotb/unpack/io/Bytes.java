package org.iotb.unpack.io;

import java.io.IOException;
import java.util.zip.CRC32;
import org.iotb.unpack.spi.ByteSource;

/** Bounds-checked field reads from a {@link ByteSource}; every read past the end is an EOFException. */
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
}
