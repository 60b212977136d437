package org.iotb.fs.ext;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.fs.common.Names;
import org.iotb.unpack.spi.ExtractionSink;

/**
 * Walks an ext2/3/4 tree from inode 2. Directories are visited once (by inode number) and depth is capped;
 * a non-directory inode met again is a hard link to its first path. The journal is never read.
 */
final class ExtExtractor {
    private static final int ROOT = 2;
    private static final int MAX_DEPTH = 512;
    private static final long MAX_ENTRIES = 2_000_000;
    private static final long MAX_DIR_BYTES = 64L * 1024 * 1024;
    private static final int MAX_SYMLINK = 4096;

    private record Dir(String path, ExtInode inode, int depth) {
    }

    private final ExtVolume vol;
    private final ExtractionSink sink;
    private final boolean fileType;

    ExtExtractor(ExtVolume vol, ExtractionSink sink) {
        this.vol = vol;
        this.sink = sink;
        this.fileType = vol.sb.has(ExtSuperblock.INCOMPAT_FILETYPE);
    }

    void run() throws IOException {
        ExtInode root = vol.inode(ROOT);
        if (root.type() != 0040000) {
            throw new CorruptImageException("root inode is not a directory");
        }
        Set<Long> visited = new HashSet<>();
        visited.add((long) ROOT);
        Map<Long, String> firstPath = new HashMap<>();
        ArrayDeque<Dir> stack = new ArrayDeque<>();
        stack.push(new Dir("", root, 0));
        long entries = 0;
        while (!stack.isEmpty()) {
            Dir d = stack.pop();
            List<ExtDirectory.Entry> list;
            try {
                list = list(d);
            } catch (IOException e) {
                sink.warn("ext: directory '" + d.path() + "' unreadable: " + e.getMessage());
                continue;
            }
            Set<String> names = new HashSet<>();
            for (ExtDirectory.Entry e : list) {
                if (sink.cancelled()) {
                    return;
                }
                if (e.name().equals(".") || e.name().equals("..")) {
                    continue;
                }
                if (++entries > MAX_ENTRIES) {
                    sink.warn("ext: more than " + MAX_ENTRIES + " entries; stopping");
                    return;
                }
                String bad = Names.problem(e.name());
                if (bad != null || !names.add(e.name())) {
                    sink.warn("ext: entry in '" + d.path() + "' refused: " + (bad != null ? bad : "duplicate name"));
                    continue;
                }
                String path = Names.join(d.path(), e.name());
                try {
                    ExtInode inode = vol.inode(e.inode());
                    if (inode.type() == 0040000) {
                        if (!visited.add(e.inode())) {
                            sink.warn("ext: directory '" + path + "' links to a visited directory; skipped");
                        } else if (d.depth() + 1 > MAX_DEPTH) {
                            sink.warn("ext: '" + path + "' nested too deep; skipped");
                        } else {
                            sink.directory(path, inode.mode() & 07777, inode.mtime());
                            stack.push(new Dir(path, inode, d.depth() + 1));
                        }
                        continue;
                    }
                    // only inodes with several links are remembered, keeping memory low on big trees
                    String first = inode.links() > 1 ? firstPath.putIfAbsent(e.inode(), path) : null;
                    if (first != null) {
                        sink.hardlink(path, first);
                        continue;
                    }
                    emit(path, inode);
                } catch (CorruptImageException ex) {
                    sink.warn("ext: '" + path + "': " + ex.getMessage());
                }
            }
        }
    }

    private List<ExtDirectory.Entry> list(Dir d) throws IOException {
        List<ExtDirectory.Entry> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ExtInode inode = d.inode();
        if (inode.hasFlag(ExtInode.FLAG_INLINE_DATA)) {
            // i_block starts with the parent's inode number; entries follow, then continue in system.data
            byte[] ib = inode.iBlock();
            ExtDirectory.parse(ib, 4, ib.length, ib.length, fileType, out, problems);
            byte[] more = InlineData.systemData(inode);
            ExtDirectory.parse(more, 0, more.length, Math.max(1, more.length), fileType, out, problems);
        } else {
            long size = inode.size() & 0xffffffffL; // high word of a directory's size is not a size on ext2/3
            if (size > MAX_DIR_BYTES) {
                throw new CorruptImageException("directory of " + size + " bytes");
            }
            byte[] data;
            try (ExtFile f = new ExtFile(vol, map(inode), size, d.path(), sink::warn)) {
                data = f.readNBytes((int) size);
            }
            ExtDirectory.parse(data, 0, data.length, vol.blockSize(), fileType, out, problems);
        }
        for (String p : problems) {
            sink.warn("ext: directory '" + d.path() + "': " + p);
        }
        return out;
    }

    /**
     * The largest size a file's block map can address: 2^32 blocks with extents, 12 + p + p^2 + p^3 blocks
     * (p = pointers per block) with indirect maps. A larger recorded size is corrupt; it is clipped.
     */
    private long clip(String path, ExtInode inode, long size) throws CorruptImageException {
        long p = vol.blockSize() / 4;
        long maxBlocks = inode.hasFlag(ExtInode.FLAG_EXTENTS) ? 1L << 32 : 12 + p + p * p + p * p * p;
        long max = maxBlocks > Long.MAX_VALUE / vol.blockSize() ? Long.MAX_VALUE : maxBlocks * vol.blockSize();
        if (size > max) {
            sink.warn("ext: '" + path + "' claims " + size + " bytes, more than its block map can address; clipped");
            return max;
        }
        return size;
    }

    private BlockMap map(ExtInode inode) throws IOException {
        return inode.hasFlag(ExtInode.FLAG_EXTENTS) ? new ExtentMap(vol, inode.iBlock())
                : new IndirectMap(vol, inode.iBlock());
    }

    private void emit(String path, ExtInode inode) throws IOException {
        int perm = inode.mode() & 07777;
        switch (inode.type()) {
            case 0100000 -> {
                if (inode.hasFlag(ExtInode.FLAG_INLINE_DATA)) {
                    sink.file(path, perm, inode.mtime(),
                            new java.io.ByteArrayInputStream(InlineData.read(inode, inode.size())));
                    return;
                }
                try (ExtFile f = new ExtFile(vol, map(inode), clip(path, inode, inode.size()), path, sink::warn)) {
                    sink.file(path, perm, inode.mtime(), f);
                }
            }
            case 0120000 -> sink.symlink(path, symlinkTarget(inode), perm);
            case 0020000, 0060000 -> {
                byte[] ib = inode.iBlock();
                long old = Bytes.u32(ib, 0, LITTLE_ENDIAN);
                int major;
                int minor;
                if (old != 0) {
                    major = (int) ((old >>> 8) & 0xff);
                    minor = (int) (old & 0xff);
                } else {
                    long nu = Bytes.u32(ib, 4, LITTLE_ENDIAN);
                    major = (int) ((nu >>> 8) & 0xfff);
                    minor = (int) ((nu & 0xff) | ((nu >>> 12) & 0xfff00));
                }
                sink.special(path, inode.type() == 0020000 ? 'c' : 'b', major, minor, perm);
            }
            case 0010000 -> sink.special(path, 'p', 0, 0, perm);
            case 0140000 -> sink.special(path, 's', 0, 0, perm);
            default -> sink.warn("ext: '" + path + "' has unknown file type 0" + Integer.toOctalString(inode.type()));
        }
    }

    private String symlinkTarget(ExtInode inode) throws IOException {
        long size = inode.size();
        if (size > MAX_SYMLINK) {
            throw new CorruptImageException("symlink target of " + size + " bytes");
        }
        byte[] t;
        if (inode.hasFlag(ExtInode.FLAG_INLINE_DATA)) {
            t = InlineData.read(inode, size);
        } else {
            long aclBlocks = inode.fileAcl() != 0 ? vol.blockSize() / 512 : 0;
            boolean fast = size < 60 && inode.blocks512() - aclBlocks == 0 && !inode.hasFlag(ExtInode.FLAG_EXTENTS);
            if (fast) {
                t = java.util.Arrays.copyOf(inode.iBlock(), (int) size);
            } else {
                try (ExtFile f = new ExtFile(vol, map(inode), size, "symlink", sink::warn)) {
                    t = f.readNBytes((int) size);
                }
            }
        }
        return new String(t, StandardCharsets.UTF_8);
    }
}
