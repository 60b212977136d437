package org.iotb.fs.flash.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.iotb.unpack.spi.ExtractionSink;

/**
 * Writes a resolved {@link FsTree} to an {@link ExtractionSink}: directories first, then their entries.
 * The same inode reached under a second name becomes a hard link to the first path; a directory reached twice
 * (a loop or a second parent in a hostile image) is reported and not entered again.
 */
public final class TreeEmitter {
    /** Deeper than any real root file system; bounds the path length of a crafted chain of directories. */
    private static final int MAX_DEPTH = 128;

    private TreeEmitter() {
    }

    private record Pending(long ino, String path, int depth) {
    }

    /** Returns the number of entries written. */
    public static int emit(FsTree tree, ExtractionSink sink) throws IOException {
        Set<Long> enteredDirs = new HashSet<>();
        Map<Long, String> firstPath = new HashMap<>();
        Deque<Pending> work = new ArrayDeque<>();
        work.push(new Pending(tree.rootIno(), "", 0));
        enteredDirs.add(tree.rootIno());
        int written = 0;
        while (!work.isEmpty()) {
            if (sink.cancelled()) {
                sink.warn("extraction cancelled; file system tree is incomplete");
                return written;
            }
            Pending dir = work.pop();
            for (Map.Entry<String, Long> e : tree.entries(dir.ino()).entrySet()) {
                String name = e.getKey();
                if (!isPlainName(name)) {
                    sink.warn("skipped directory entry with unusable name " + printable(name) + " in " + display(dir.path()));
                    continue;
                }
                String path = dir.path().isEmpty() ? name : dir.path() + "/" + name;
                FsNode node = tree.node(e.getValue());
                if (node == null) {
                    sink.warn("entry " + path + " points to inode " + e.getValue() + " that has no inode record");
                    continue;
                }
                if (node.type() == 'd') {
                    if (!enteredDirs.add(node.ino())) {
                        sink.warn("directory inode " + node.ino() + " reached again at " + path + " (loop or second parent); not followed");
                        continue;
                    }
                    if (dir.depth() + 1 > MAX_DEPTH) {
                        sink.warn("directory nesting deeper than " + MAX_DEPTH + " at " + path + "; not followed");
                        continue;
                    }
                    sink.directory(path, node.mode() & 07777, node.mtime());
                    written++;
                    work.push(new Pending(node.ino(), path, dir.depth() + 1));
                    continue;
                }
                String earlier = firstPath.putIfAbsent(node.ino(), path);
                if (earlier != null) {
                    sink.hardlink(path, earlier);
                    written++;
                    continue;
                }
                writeLeaf(node, path, sink);
                written++;
            }
        }
        return written;
    }

    private static void writeLeaf(FsNode node, String path, ExtractionSink sink) throws IOException {
        int perm = node.mode() & 07777;
        switch (node.type()) {
            case 'f' -> {
                try (InputStream in = node.content().open()) {
                    sink.file(path, perm, node.mtime(), in);
                } catch (IOException | RuntimeException ex) {
                    // A corrupt data node spoils one file, not the whole extraction.
                    sink.warn("file " + path + " could not be read completely: " + ex.getMessage());
                }
            }
            case 'l' -> sink.symlink(path, node.linkTarget() == null ? "" : node.linkTarget(), perm);
            case 'c', 'b', 'p', 's' -> sink.special(path, node.type(), node.major(), node.minor(), perm);
            default -> sink.warn("entry " + path + " has an unknown inode type (mode " + Integer.toOctalString(node.mode()) + "); skipped");
        }
    }

    static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0 && name.indexOf('\0') < 0;
    }

    private static String display(String path) {
        return path.isEmpty() ? "/" : path;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.append('"').toString();
    }
}
