package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iotb.unpack.manifest.EntryType;
import org.iotb.unpack.manifest.ManifestEntry;
import org.junit.jupiter.api.Assumptions;

/** Test helpers: Debian tools, sample images, source trees and tree comparison. */
final class Fixtures {
    private Fixtures() {
    }

    /** Skips the test with a clear message when a Debian tool is missing. */
    static void requireTool(String tool, String debianPackage) {
        boolean found = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
        Assumptions.assumeTrue(found, tool + " not installed (Debian package " + debianPackage + "); test skipped");
    }

    /** Runs a command in {@code dir}; fails the test on a non-zero exit. */
    static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s timed out", String.join(" ", cmd)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", cmd), new String(out, StandardCharsets.UTF_8)).isZero();
    }

    static void sh(Path dir, String script) throws IOException, InterruptedException {
        run(dir, "sh", "-c", script);
    }

    /** ../../shared/samples (or IOTB_SAMPLES); skips when absent. */
    static Path samples() {
        String prop = System.getProperty("IOTB_SAMPLES", System.getenv("IOTB_SAMPLES"));
        Path p = prop != null ? Path.of(prop) : Path.of("../../shared/samples");
        Assumptions.assumeTrue(Files.isDirectory(p), "sample images not found at " + p.toAbsolutePath()
                + " (set IOTB_SAMPLES); test skipped");
        return p;
    }

    /** A small tree with nested directories, assorted modes, empty and binary files, and symlinks. */
    static Path sourceTree(Path dir) throws IOException {
        Random rnd = new Random(42);
        Files.createDirectories(dir.resolve("etc/init.d"));
        Files.createDirectories(dir.resolve("usr/lib"));
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(dir.resolve("etc/init.d/rcS"), "#!/bin/sh\necho boot\n");
        Files.setPosixFilePermissions(dir.resolve("etc/init.d/rcS"), perms(0755));
        byte[] bin = new byte[200_000];
        rnd.nextBytes(bin);
        Files.write(dir.resolve("bin/busybox"), bin);
        Files.setPosixFilePermissions(dir.resolve("bin/busybox"), perms(0755));
        Files.write(dir.resolve("usr/lib/empty"), new byte[0]);
        Files.writeString(dir.resolve("usr/lib/zeros.txt"), "0".repeat(100_000));
        Files.setPosixFilePermissions(dir.resolve("usr/lib/zeros.txt"), perms(0600));
        Files.writeString(dir.resolve("name with spaces & ünïcode"), "x");
        Files.createSymbolicLink(dir.resolve("bin/sh"), Path.of("busybox"));
        Files.createSymbolicLink(dir.resolve("usr/lib/up"), Path.of("../../etc/passwd"));
        return dir;
    }

    static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> s = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }

    static int mode(Set<PosixFilePermission> p) {
        int m = 0;
        for (PosixFilePermission x : p) {
            m |= switch (x) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return m;
    }

    static String sha256(Path f) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(f)) {
                byte[] b = new byte[65536];
                int n;
                while ((n = in.read(b)) > 0) {
                    md.update(b, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** path -> "file size sha mode" or "link target" for every file and symlink under a reference tree. */
    static Map<String, String> describeDisk(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    int mode = mode(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                    out.put(rel, "file " + Files.size(p) + " " + sha256(p) + " " + Integer.toOctalString(mode));
                }
            }
        }
        return out;
    }

    /** The same description from the manifest entries under {@code containerRel}, checking hashes on disk. */
    static Map<String, String> describeManifest(UnpackResult r, String containerRel) throws IOException {
        Map<String, String> out = new TreeMap<>();
        String prefix = containerRel + "/";
        for (ManifestEntry e : r.entries()) {
            if (!e.path().startsWith(prefix)) {
                continue;
            }
            String rel = e.path().substring(prefix.length());
            if (rel.contains(".extracted/")) {
                continue;
            }
            if (e.type() == EntryType.SYMLINK) {
                out.put(rel, "link " + e.linkTarget());
            } else if (e.type() == EntryType.FILE || e.type() == EntryType.HARDLINK) {
                if (e.type() == EntryType.FILE) {
                    assertThat(sha256(r.pathOf(e))).as("hash on disk of %s", e.path()).isEqualTo(e.sha256());
                }
                out.put(rel, "file " + e.size() + " " + e.sha256() + " " + Integer.toOctalString(e.mode() & 0777));
            }
        }
        return out;
    }

    static List<String> formats(UnpackResult r) {
        List<String> f = new ArrayList<>();
        r.containers().forEach(c -> f.add(c.format()));
        return f;
    }

    static UnpackResult unpack(Path image, Path out) throws IOException {
        return new Unpacker().unpack(image, out, UnpackOptions.defaults());
    }
}
