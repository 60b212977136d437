package org.iotb.firmware.tree;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the root file systems inside an unpacked image. An extraction puts each file system under its own
 * directory (e.g. {@code fw.bin.extracted/65536-squashfs/}), while the checks read paths such as
 * {@code etc/inittab} relative to a root file system: they must run once per root found.
 * A root file system is a directory with {@code etc/} and one of {@code bin/}, {@code sbin/}, {@code lib/},
 * {@code usr/}; roots nested inside another root are not separate roots.
 */
public final class RootFileSystems {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_ROOTS = 16;

    private RootFileSystems() {
    }

    /** The roots under {@code tree}, outermost first; {@code [tree]} when it is itself a root or holds none. */
    public static List<Path> locate(Path tree) throws IOException {
        if (looksLikeRoot(tree)) {
            return List.of(tree);
        }
        List<Path> roots = new ArrayList<>();
        Files.walkFileTree(tree, java.util.Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(tree) && looksLikeRoot(dir)) {
                    roots.add(dir);
                    return roots.size() >= MAX_ROOTS ? FileVisitResult.TERMINATE : FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        roots.sort(RootFileSystems::byOffsetName);
        return roots.isEmpty() ? List.of(tree) : roots;
    }

    /** Extraction directories are named "<offset>-<format>": order them by offset, as they sit in the image. */
    static int byOffsetName(Path a, Path b) {
        long oa = leadingNumber(a.getFileName().toString());
        long ob = leadingNumber(b.getFileName().toString());
        return oa != ob ? Long.compare(oa, ob) : a.toString().compareTo(b.toString());
    }

    private static long leadingNumber(String name) {
        int i = 0;
        while (i < name.length() && i < 18 && Character.isDigit(name.charAt(i))) {
            i++;
        }
        return i == 0 ? Long.MAX_VALUE : Long.parseLong(name.substring(0, i));
    }

    static boolean looksLikeRoot(Path dir) {
        if (!isDir(dir.resolve("etc"))) {
            return false;
        }
        for (String d : new String[] {"bin", "sbin", "lib", "usr"}) {
            if (isDir(dir.resolve(d)) || Files.isSymbolicLink(dir.resolve(d))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDir(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }
}
