package org.iotb.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Three hostile images as iotb-unpack's HostileArchiveTest builds them: a zip slip (entries named ../ and absolute,
 * a symlink out), a tar that plants a symlink to a victim directory and then writes a file through it, and a gzip
 * bomb (a small file that inflates to 1 GiB of zeros).
 */
final class HostileArchives {
    private HostileArchives() {
    }

    /** The directory a successful escape would write into; it must stay empty. */
    static Path victim(Path dir) throws IOException {
        return Files.createDirectories(dir.resolve("victim"));
    }

    static List<byte[]> all(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path victim = victim(dir);
        return List.of(zipSlip(dir), tarThroughSymlink(victim), gzipBomb());
    }

    static byte[] zipSlip(Path dir) throws IOException {
        Path zip = dir.resolve("slip.zip");
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(zip.toFile())) {
            for (String name : new String[] {"../victim/evil.txt", "../../../../../../../tmp/evil.txt", "/abs/evil.txt",
                "ok/good.txt", "..\\..\\victim\\win.txt"}) {
                z.putArchiveEntry(new ZipArchiveEntry(name));
                z.write(name.getBytes(StandardCharsets.UTF_8));
                z.closeArchiveEntry();
            }
            ZipArchiveEntry link = new ZipArchiveEntry("ok/escape");
            link.setUnixMode(0120777);
            z.putArchiveEntry(link);
            z.write("../../../victim".getBytes(StandardCharsets.UTF_8));
            z.closeArchiveEntry();
        }
        return Files.readAllBytes(zip);
    }

    static byte[] tarThroughSymlink(Path victim) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            TarArchiveEntry l = new TarArchiveEntry("victimdir", TarArchiveEntry.LF_SYMLINK);
            l.setLinkName(victim.toAbsolutePath().toString());
            t.putArchiveEntry(l);
            t.closeArchiveEntry();
            byte[] data = "victim-file".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry f = new TarArchiveEntry("victimdir/victim-file");
            f.setSize(data.length);
            t.putArchiveEntry(f);
            t.write(data);
            t.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    static byte[] gzipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }
}
