package org.iotb.unpack.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A coarse kind for files no handler recognised: elf, script, text, data or empty. */
final class TypeSniffer {
    private TypeSniffer() {
    }

    /** Whether the bytes start with the ELF magic (at least 4 bytes given). */
    static boolean isElf(byte[] b) {
        return b.length >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
    }

    static String sniff(Path file) {
        byte[] b = new byte[512];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (n < b.length) {
                int r = in.read(b, n, b.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            return null;
        }
        if (n == 0) {
            return "empty";
        }
        if (n >= 4 && isElf(b)) {
            return "elf";
        }
        if (n >= 2 && b[0] == '#' && b[1] == '!') {
            return "script";
        }
        int printable = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t' || c >= 0x80) {
                printable++;
            }
            if (c == 0) {
                return "data";
            }
        }
        return printable == n ? "text" : "data";
    }
}
