package org.iotb.fs.flash.yaffs2;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A small valid YAFFS2 image for the fuzzers. */
public final class Yaffs2Seeds {
    private Yaffs2Seeds() {
    }

    /** Writes the seed to the path given (used by scripts/make-fuzz-seeds.sh). */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), smallImage());
    }

    public static byte[] smallImage() {
        byte[] text = "line\n".repeat(900).getBytes(StandardCharsets.US_ASCII);
        return new Yaffs2ImageWriter(2048, 64, 2, ByteOrder.BIG_ENDIAN)
                .header(0x1000, 0x101, 3, 1, "etc", 040755, 0, 0, "", 0)
                .header(0x1000, 0x102, 1, 0x101, "passwd", 0100600, 6, 0, "", 0).data(0x1000, 0x102, 1, "root:\n".getBytes())
                .header(0x1000, 0x103, 1, 1, "text", 0100644, text.length, 0, "", 0).file(0x1000, 0x103, text)
                .header(0x1000, 0x104, 2, 0x101, "link", 0120777, 0, 0, "passwd", 0)
                .header(0x1000, 0x105, 4, 1, "hard", 0100600, 0, 0x102, "", 0)
                .header(0x1000, 0x106, 5, 0x101, "console", 020620, 0, 0, "", (5 << 8) | 1)
                .header(0x1001, 0x102, 1, 0x101, "passwd", 0100600, 6, 0, "", 0)
                .bytes();
    }
}
