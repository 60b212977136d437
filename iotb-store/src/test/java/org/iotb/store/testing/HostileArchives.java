package org.iotb.store.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The hostile images of iotb-unpack's HostileArchiveTest, built in memory, for the workspace's tests (the job queue
 * and the server's upload): each must end as a run that is done or failed with a reason, nothing written outside the
 * data directory, the worker alive. (The FIT quine needs dtc and the 100 000-entry tar is slow: they stay in
 * iotb-unpack's own tests.)
 */
public final class HostileArchives {
    private HostileArchives() {
    }

    /** The directory a successful escape would write into; it must stay empty. */
    public static Path victim(Path dir) throws IOException {
        return Files.createDirectories(dir.resolve("victim"));
    }

    /** Every hostile image by a file name that says what it is; {@code dir} gets the victim directory. */
    public static Map<String, byte[]> all(Path dir) throws IOException {
        Path victim = victim(dir);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("slip.zip", zipSlip());
        out.put("through-link.tar", tarThroughSymlink(victim));
        out.put("bomb.gz", gzipBomb());
        out.put("nested.gz", nestedGzip(12));
        out.put("truncated.tar", truncatedTar());
        out.put("devices.tar", deviceNodesTar());
        return out;
    }

    /** Entries that climb out of the tree (../, absolute, Windows separators) and a symbolic link out. */
    public static byte[] zipSlip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(bytes)) {
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
        return bytes.toByteArray();
    }

    /** A link to the victim directory, then a file written through it, then a hard link to /etc/shadow. */
    public static byte[] tarThroughSymlink(Path victim) throws IOException {
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
            TarArchiveEntry hl = new TarArchiveEntry("hard", TarArchiveEntry.LF_LINK);
            hl.setLinkName("/etc/shadow");
            t.putArchiveEntry(hl);
            t.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    /** 1 GiB of zeros in about 1 MiB: the unpacker's ratio limit must cut it. */
    public static byte[] gzipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }

    /** gzip in gzip, {@code levels} deep (each level's bytes distinct): the depth limit must stop it. */
    public static byte[] nestedGzip(int levels) throws IOException {
        byte[] data = "innermost".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < levels; i++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(b)) {
                g.write(data);
                g.write(new byte[i]);
            }
            data = b.toByteArray();
        }
        return data;
    }

    /** A tar of a few files cut in the middle of one: a partial result, not a crash. */
    public static byte[] truncatedTar() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            for (int i = 0; i < 4; i++) {
                byte[] data = ("file " + i + " ").repeat(400).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry f = new TarArchiveEntry("etc/file" + i);
                f.setSize(data.length);
                t.putArchiveEntry(f);
                t.write(data);
                t.closeArchiveEntry();
            }
        }
        byte[] whole = out.toByteArray();
        return Arrays.copyOf(whole, whole.length / 2 + 100);
    }

    /** Character and block devices and a FIFO: recorded in the manifest, never created. */
    public static byte[] deviceNodesTar() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            TarArchiveEntry chr = new TarArchiveEntry("dev/console", TarArchiveEntry.LF_CHR);
            chr.setDevMajor(5);
            chr.setDevMinor(1);
            t.putArchiveEntry(chr);
            t.closeArchiveEntry();
            TarArchiveEntry blk = new TarArchiveEntry("dev/sda", TarArchiveEntry.LF_BLK);
            blk.setDevMajor(8);
            t.putArchiveEntry(blk);
            t.closeArchiveEntry();
            t.putArchiveEntry(new TarArchiveEntry("dev/fifo", TarArchiveEntry.LF_FIFO));
            t.closeArchiveEntry();
        }
        return out.toByteArray();
    }
}
