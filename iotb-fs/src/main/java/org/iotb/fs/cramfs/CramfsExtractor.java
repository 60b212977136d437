package org.iotb.fs.cramfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.fs.common.Names;
import org.iotb.unpack.codec.ZlibBlocks;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;

/** Walks a cramfs directory tree iteratively; directories are visited once (by offset) whatever the image says. */
final class CramfsExtractor {
    private static final int MAX_DEPTH = 512;
    private static final long MAX_ENTRIES = 1_000_000;
    private static final int MAX_SYMLINK = 4096;

    private record Dir(String path, CramfsInode inode, int depth) {
    }

    private final ByteSource fs;
    private final CramfsSuper sb;
    private final ExtractionSink sink;
    private final long limit;
    private final ZlibBlocks zlib = new ZlibBlocks();

    CramfsExtractor(ByteSource fs, CramfsSuper sb, ExtractionSink sink) {
        this.fs = fs;
        this.sb = sb;
        this.sink = sink;
        this.limit = sb.size() > 0 ? Math.min(sb.size(), fs.size()) : fs.size();
    }

    void run() throws IOException {
        Set<Long> visited = new HashSet<>();
        ArrayDeque<Dir> stack = new ArrayDeque<>();
        stack.push(new Dir("", sb.root(), 0));
        visited.add(sb.root().offset());
        long entries = 0;
        while (!stack.isEmpty()) {
            Dir d = stack.pop();
            long pos = d.inode().offset();
            long end = pos + d.inode().size();
            if (d.inode().size() > 0 && (pos < CramfsSuper.SIZE || end > limit)) {
                sink.warn("cramfs: directory '" + d.path() + "' outside the image");
                continue;
            }
            while (pos < end) {
                if (sink.cancelled()) {
                    return;
                }
                if (++entries > MAX_ENTRIES) {
                    sink.warn("cramfs: more than " + MAX_ENTRIES + " entries; stopping");
                    return;
                }
                CramfsInode inode;
                String name;
                try {
                    if (pos + CramfsInode.SIZE > end) {
                        throw new CorruptImageException("inode crosses the end of its directory");
                    }
                    byte[] head = fs.bytes(pos, CramfsInode.SIZE);
                    inode = CramfsInode.parse(head, 0, sb.order());
                    if (inode.nameLen() == 0 || pos + CramfsInode.SIZE + inode.nameLen() > end) {
                        throw new CorruptImageException("bad name length " + inode.nameLen());
                    }
                    byte[] raw = fs.bytes(pos + CramfsInode.SIZE, inode.nameLen());
                    int n = raw.length;
                    while (n > 0 && raw[n - 1] == 0) {
                        n--;
                    }
                    name = Names.decode(raw, 0, n);
                } catch (IOException e) {
                    sink.warn("cramfs: directory '" + d.path() + "' corrupt: " + e.getMessage());
                    break;
                }
                pos += CramfsInode.SIZE + inode.nameLen();
                String bad = Names.problem(name);
                if (bad != null) {
                    sink.warn("cramfs: entry in '" + d.path() + "' refused: " + bad);
                    continue;
                }
                String path = Names.join(d.path(), name);
                emit(stack, visited, d, path, inode);
            }
        }
    }

    private void emit(ArrayDeque<Dir> stack, Set<Long> visited, Dir parent, String path, CramfsInode inode)
            throws IOException {
        int perm = inode.mode() & 07777;
        switch (inode.type()) {
            case 0040000 -> {
                if (inode.size() > 0 && !visited.add(inode.offset())) {
                    sink.warn("cramfs: directory '" + path + "' points at an already visited directory; skipped");
                    return;
                }
                if (parent.depth() + 1 > MAX_DEPTH) {
                    sink.warn("cramfs: '" + path + "' nested too deep; skipped");
                    return;
                }
                sink.directory(path, perm, 0);
                stack.push(new Dir(path, inode, parent.depth() + 1));
            }
            case 0100000 -> {
                try (CramfsFile content = new CramfsFile(fs, sb, zlib, inode, limit, path, sink::warn)) {
                    sink.file(path, perm, 0, content);
                }
            }
            case 0120000 -> {
                if (inode.size() > MAX_SYMLINK) {
                    sink.warn("cramfs: symlink '" + path + "' target of " + inode.size() + " bytes; skipped");
                    return;
                }
                try (CramfsFile content = new CramfsFile(fs, sb, zlib, inode, limit, path, sink::warn)) {
                    byte[] t = content.readNBytes(MAX_SYMLINK);
                    if (t.length != inode.size()) {
                        return; // the reason is already a warning
                    }
                    sink.symlink(path, new String(t, StandardCharsets.UTF_8), perm);
                }
            }
            case 0020000, 0060000 -> {
                long rdev = inode.size();
                int major = (int) ((rdev >>> 8) & 0xfff);
                int minor = (int) ((rdev & 0xff) | ((rdev >>> 12) & 0xfff00));
                sink.special(path, inode.type() == 0020000 ? 'c' : 'b', major, minor, perm);
            }
            case 0010000 -> sink.special(path, 'p', 0, 0, perm);
            case 0140000 -> sink.special(path, 's', 0, 0, perm);
            default -> sink.warn("cramfs: '" + path + "' has unknown file type 0" + Integer.toOctalString(inode.type()));
        }
    }
}
