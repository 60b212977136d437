package org.iotb.sbom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A small router-like tree built for tests: binaries holding the real strings of old components. */
public final class TestTrees {
    private TestTrees() {
    }

    public static Path oldRouter(Path dir) throws IOException {
        Path root = dir.resolve("rootfs");
        write(root.resolve("bin/busybox"), "BusyBox v1.19.4 (2013-03-14 20:30:45 UTC)");
        write(root.resolve("usr/lib/libcrypto.so.1.0.0"), "OpenSSL 1.0.1f 6 Jan 2014", "OPENSSLDIR: \"/etc/ssl\"");
        write(root.resolve("usr/sbin/dropbear"), "SSH-2.0-dropbear_2017.75");
        write(root.resolve("usr/lib/libwolfssl.so.35"), "wolfSSL_CTX_new");
        Files.createDirectories(root.resolve("lib/modules/3.10.14"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/banner"), "OpenWrt");
        return root;
    }

    public static void write(Path file, String... strings) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, fakeBinary(List.of(strings)));
    }

    /** ELF magic, then each string NUL-terminated with non-printable filler between, as in .rodata. */
    public static byte[] fakeBinary(List<String> strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        for (int i = 0; i < 64; i++) {
            out.write(i % 7 == 0 ? 0x90 : 0x01);
        }
        for (String s : strings) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
            out.writeBytes(new byte[] {0, 0, 0x12, 0x01});
        }
        return out.toByteArray();
    }
}
