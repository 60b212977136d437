package org.iotb.fs.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

/**
 * A small source tree exercising the awkward cases of file-system readers: empty and one-byte files, files of
 * exactly one block, many blocks, a sparse file, fragment-packed tails, incompressible data, deep and
 * long/unicode names, relative/absolute/dangling symlinks, hard links and (as root) a fifo and devices.
 */
public final class FixtureTree {
    private FixtureTree() {
    }

    public static void create(Path root, boolean specials) throws IOException, InterruptedException {
        Random rnd = new Random(42);
        Files.createDirectories(root);
        write(root.resolve("empty"), new byte[0]);
        write(root.resolve("one-byte"), new byte[] {'x'});
        write(root.resolve("block-4k"), text(rnd, 4096));
        write(root.resolve("block-128k"), text(rnd, 131072));
        write(root.resolve("many-blocks.txt"), text(rnd, 700_001));
        write(root.resolve("random.bin"), random(rnd, 300_000));
        write(root.resolve("tail-fragment"), text(rnd, 131072 + 5000));
        for (int i = 0; i < 20; i++) {
            write(root.resolve("small-" + i), text(rnd, 10 + rnd.nextInt(3000)));
        }
        try (RandomAccessFile f = new RandomAccessFile(root.resolve("sparse").toFile(), "rw")) {
            f.setLength(1_200_000);
            f.seek(600_000);
            f.write("data in the middle of a hole".getBytes(StandardCharsets.US_ASCII));
        }
        // one byte every 8 KiB: a separate extent per byte, forcing an extent tree of depth > 0 on ext4
        try (RandomAccessFile f = new RandomAccessFile(root.resolve("checkered").toFile(), "rw")) {
            for (int i = 0; i < 200; i++) {
                f.seek(i * 8192L);
                f.write('a' + i % 26);
            }
        }
        Path deep = root;
        for (int i = 0; i < 12; i++) {
            deep = deep.resolve("d" + i);
        }
        Files.createDirectories(deep);
        write(deep.resolve("leaf.txt"), "deep leaf\n".getBytes(StandardCharsets.US_ASCII));
        write(root.resolve("n".repeat(200)), "long name".getBytes(StandardCharsets.US_ASCII));
        Path uni = root.resolve("ünïcødé-目录");
        Files.createDirectories(uni);
        write(uni.resolve("файл.txt"), "unicode\n".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(root.resolve("empty-dir"));
        Path bin = root.resolve("bin");
        Files.createDirectories(bin);
        write(bin.resolve("tool"), text(rnd, 9000));
        Files.setPosixFilePermissions(bin.resolve("tool"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(root.resolve("one-byte"), PosixFilePermissions.fromString("r--------"));
        // extended attributes: readers must tolerate the extended inode forms that carry them
        xattr(root.resolve("block-4k"), "user.iotb", "fixture");
        xattr(bin, "user.iotb.dir", "x".repeat(300));
        Files.createSymbolicLink(root.resolve("link-rel"), Path.of("bin/tool"));
        Files.createSymbolicLink(root.resolve("link-abs"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("link-dangling"), Path.of("does/not/exist"));
        Files.createSymbolicLink(bin.resolve("link-up"), Path.of("../small-1"));
        Files.createLink(root.resolve("hardlink-a"), root.resolve("small-3"));
        Files.createLink(bin.resolve("hardlink-b"), root.resolve("small-3"));
        if (specials) {
            Tools.run("mkfifo", root.resolve("fifo").toString());
            Tools.run("mknod", root.resolve("null-dev").toString(), "c", "1", "3");
            Tools.run("mknod", root.resolve("blk-dev").toString(), "b", "8", "1");
            Tools.run("mknod", root.resolve("big-minor").toString(), "c", "250", "70000");
        }
    }

    private static void xattr(Path p, String name, String value) throws IOException {
        var view = Files.getFileAttributeView(p, java.nio.file.attribute.UserDefinedFileAttributeView.class);
        if (view == null) {
            return; // file system without user xattrs: the tree is still valid, just less demanding
        }
        try {
            view.write(name.substring("user.".length()), java.nio.ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | UnsupportedOperationException e) {
            // tmpfs without user_xattr: same as above
        }
    }

    private static void write(Path p, byte[] b) throws IOException {
        Files.write(p, b);
    }

    static byte[] text(Random rnd, int n) {
        String[] words = {"firmware ", "busybox ", "root ", "config ", "iot ", "device ", "\n", "0x7f ", "lib "};
        StringBuilder sb = new StringBuilder(n + 16);
        while (sb.length() < n) {
            sb.append(words[rnd.nextInt(words.length)]);
        }
        return sb.substring(0, n).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] random(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
