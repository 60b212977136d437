package org.iotb.fs.flash.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Generates a small directory tree that exercises a flash file-system writer, and snapshots any tree. */
public final class SourceTree {
    private SourceTree() {
    }

    /** Returns true when device nodes and a fifo could be created (needs root). */
    public static boolean generate(Path root, long seed) throws IOException, InterruptedException {
        Random rnd = new Random(seed);
        Files.createDirectories(root);
        Files.write(root.resolve("empty"), new byte[0]);
        Files.write(root.resolve("one"), new byte[] {'x'});
        Files.write(root.resolve("page-minus-1"), random(rnd, 4095));
        Files.write(root.resolve("page"), text(rnd, 4096));
        Files.write(root.resolve("page-plus-1"), text(rnd, 4097));
        Files.write(root.resolve("random-100k"), random(rnd, 100_000));
        Files.write(root.resolve("text-300k"), text(rnd, 300_000));
        Files.write(root.resolve("zeros-64k"), new byte[65536]);
        Files.writeString(root.resolve("name with spaces and ünïcode"), "hello\n");
        Path deep = root;
        for (int i = 0; i < 12; i++) {
            deep = deep.resolve("d" + i);
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("leaf.txt"), "deep leaf\n");
        Files.createDirectories(root.resolve("etc/init.d"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Path script = root.resolve("etc/init.d/rcS");
        Files.writeString(script, "#!/bin/sh\necho boot\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(root.resolve("etc/passwd"), PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(root.resolve("etc/relative-link"), Path.of("passwd"));
        Files.createSymbolicLink(root.resolve("absolute-link"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("dangling-link"), Path.of("../nowhere/at/all"));
        Files.createLink(root.resolve("etc/hardlink-to-passwd"), root.resolve("etc/passwd"));
        Files.createDirectories(root.resolve("empty-dir"));
        Files.createDirectories(root.resolve("dev"));
        return run("mknod", root.resolve("dev/console").toString(), "c", "5", "1")
                && run("mknod", root.resolve("dev/mtdblock0").toString(), "b", "31", "0")
                && run("mkfifo", root.resolve("dev/fifo").toString());
    }

    private static boolean run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static byte[] random(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] text(Random rnd, int n) {
        String[] words = {"flash", "erase", "block", "node", "inode", "dirent", "crc", "jffs2", "ubifs", "\n"};
        StringBuilder sb = new StringBuilder(n + 16);
        while (sb.length() < n) {
            sb.append(words[rnd.nextInt(words.length)]).append(' ');
        }
        return sb.substring(0, n).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every path under {@code root} (not root itself), '/'-separated, without following links. */
    public static Map<String, Entry> snapshot(Path root) throws IOException {
        Map<String, Entry> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString().replace('\\', '/');
                int mode = ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, new Entry('l', 0, null, Files.readSymbolicLink(p).toString(), 0, null));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(rel, new Entry('d', 0, null, null, mode, null));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] b = Files.readAllBytes(p);
                    MessageDigest md = RecordingSink.sha256();
                    m.put(rel, new Entry('f', b.length, HexFormat.of().formatHex(md.digest(b)), null, mode, null));
                } else {
                    int full = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                    char t = switch (full & 0170000) {
                        case 0020000 -> 'c';
                        case 0060000 -> 'b';
                        case 0010000 -> 'p';
                        default -> 's';
                    };
                    String dev = null;
                    if (t == 'c' || t == 'b') {
                        long rdev = (Long) Files.getAttribute(p, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
                        dev = ((rdev >> 8) & 0xfff) + ":" + ((rdev & 0xff) | ((rdev >> 12) & 0xfff00));
                    }
                    m.put(rel, new Entry(t, 0, null, null, mode, dev));
                }
            }
        }
        return m;
    }
}
