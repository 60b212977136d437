package org.iotb.unpack.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Tar and cpio headers written byte by byte, so a test can store what no well-behaved archiver would. */
final class HandMadeArchives {
    static final byte[] SHADOW = "root:$6$hidden$behind:19000:0:99999:7:::\n".getBytes(StandardCharsets.US_ASCII);

    private HandMadeArchives() {
    }

    /** A tar under construction. */
    static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** One header block; {@code gnu} writes the GNU magic ("ustar  \0") instead of POSIX ("ustar\000"). */
        static byte[] header(byte[] name, char type, long size, boolean gnu) {
            byte[] h = new byte[512];
            System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
            put(h, 100, octal(0644, 8));
            put(h, 108, octal(0, 8));
            put(h, 116, octal(0, 8));
            put(h, 124, octal(size, 12));
            put(h, 136, octal(1_700_000_000L, 12));
            h[156] = (byte) type;
            put(h, 257, (gnu ? "ustar  \0" : "ustar\u000000").getBytes(StandardCharsets.US_ASCII));
            return h;
        }

        static void checksum(byte[] h) {
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, octal(sum, 7));
        }

        static byte[] octal(long v, int len) {
            String s = Long.toOctalString(v);
            StringBuilder sb = new StringBuilder();
            for (int i = s.length(); i < len - 1; i++) {
                sb.append('0');
            }
            return (sb + s + "\0").getBytes(StandardCharsets.US_ASCII);
        }

        static void put(byte[] h, int at, byte[] v) {
            System.arraycopy(v, 0, h, at, v.length);
        }

        Tar block(byte[] header, byte[] data) {
            checksum(header);
            out.writeBytes(header);
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
            return this;
        }

        Tar file(String name, byte[] data) {
            return block(header(name.getBytes(StandardCharsets.UTF_8), '0', data.length, false), data);
        }

        /** A PAX extended header ('x') with the given records, then the entry it applies to. */
        Tar pax(String[] records, byte[] entryHeader, byte[] data) {
            StringBuilder body = new StringBuilder();
            for (String r : records) {
                int len = r.getBytes(StandardCharsets.UTF_8).length + 2;
                int total = len + Integer.toString(len).length();
                if (Integer.toString(total).length() != Integer.toString(len).length()) {
                    total++;
                }
                body.append(total).append(' ').append(r).append('\n');
            }
            byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
            block(header("PaxHeaders/x".getBytes(StandardCharsets.US_ASCII), 'x', b.length, false), b);
            return block(entryHeader, data);
        }

        byte[] end() {
            out.writeBytes(new byte[1024]);
            return out.toByteArray();
        }
    }

    /** A newc ("070701") cpio under construction. */
    static final class Cpio {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int ino = 1;

        Cpio entry(String name, int mode, byte[] data) {
            return entry(name.getBytes(StandardCharsets.UTF_8), mode, data);
        }

        /** An entry whose name is these bytes, whatever their encoding. */
        Cpio entry(byte[] name, int mode, byte[] data) {
            byte[] n = java.util.Arrays.copyOf(name, name.length + 1);
            StringBuilder h = new StringBuilder("070701");
            long[] f = {ino++, mode, 0, 0, 1, 1_700_000_000L, data.length, 0, 0, 0, 0, n.length, 0};
            for (long v : f) {
                h.append(String.format("%08X", v));
            }
            out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(n);
            out.writeBytes(new byte[(4 - (110 + n.length) % 4) % 4]);
            out.writeBytes(data);
            out.writeBytes(new byte[(4 - data.length % 4) % 4]);
            return this;
        }

        byte[] end() {
            entry("TRAILER!!!", 0, new byte[0]);
            out.writeBytes(new byte[(512 - out.size() % 512) % 512]);
            return out.toByteArray();
        }
    }
}
