package org.iotb.fs.squashfs;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.iotb.fs.common.Names;
import org.iotb.unpack.codec.BlockDecompressor;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;

/**
 * Walks a squashfs tree (any supported version) from the root inode and hands every entry to the sink. The walk is iterative with
 * a depth cap and a visited set of directory inodes, so a hostile image that links a directory into itself
 * cannot loop. An inode met a second time is reported as a hard link to the first path.
 */
final class SquashfsExtractor {
    static final int MAX_DEPTH = 512;
    static final long MAX_ENTRIES = 2_000_000;
    /** Entries resolved ahead of the one being written, so the pool has the next files' blocks to work on. */
    static final int LOOKAHEAD_ENTRIES = 256;

    private record Pending(String path, Inode dir, int depth) {
    }

    private final ByteSource fs;
    private final Geometry sb;
    private final ExtractionSink sink;
    private final BlockDecompressor codec;
    private final MetadataTable meta;
    private final InodeParser inodes;
    private final DirectoryParser dirs;
    private final FragmentTable fragments;
    private final Map<Long, String> seenInodes = new HashMap<>();
    private final Set<Long> visitedDirs = new HashSet<>();
    private long entries;

    SquashfsExtractor(ByteSource fs, Geometry sb, BlockDecompressor codec, ExtractionSink sink)
            throws IOException {
        this.fs = fs;
        this.sb = sb;
        this.sink = sink;
        this.codec = codec;
        this.meta = new MetadataTable(fs, sb.order(), MetadataTable.probeHeaderOrder(fs, sb), codec, sb.bytesUsed(),
                sb.checkData());
        if (sb.major() == 4) {
            this.inodes = new InodeReader(meta, sb.inodeTableStart());
            this.dirs = new DirectoryReader(meta, sb.directoryTableStart());
        } else {
            LegacyReader legacy = new LegacyReader(meta, sb);
            this.inodes = legacy;
            this.dirs = legacy;
        }
        this.fragments = new FragmentTable(fs, sb, meta, codec);
    }

    void run() throws IOException {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "squashfs-block");
            t.setDaemon(true);
            return t;
        });
        try {
            walk(new Scheduler(pool, Math.max(8, 16 * threads)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One resolved directory entry; {@code content} is set for regular files to be written. */
    private record Item(String path, Inode inode, FileContent content) {
    }

    private void walk(Scheduler scheduler) throws IOException {
        Inode root;
        try {
            root = inodes.read(sb.rootInode());
        } catch (IOException e) {
            sink.warn("squashfs: root inode unreadable: " + e.getMessage());
            return;
        }
        if (root.kind() != Inode.Kind.DIRECTORY) {
            sink.warn("squashfs: root inode is not a directory");
            return;
        }
        visitedDirs.add(sb.rootInode());
        ArrayDeque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending("", root, 0));
        ArrayDeque<Item> ready = new ArrayDeque<>();
        ArrayDeque<FileContent> unscheduled = new ArrayDeque<>();
        try {
            while (!sink.cancelled()) {
                // resolve ahead, across directories: small directories would otherwise drain the pool
                while (ready.size() < LOOKAHEAD_ENTRIES && !stack.isEmpty()) {
                    List<Item> items = resolve(stack.pop(), stack, scheduler);
                    if (items == null) {
                        return;
                    }
                    for (Item it : items) {
                        ready.add(it);
                        if (it.content() != null) {
                            unscheduled.add(it.content());
                        }
                    }
                }
                Item it = ready.poll();
                if (it == null) {
                    return;
                }
                // only inodes that can be linked twice are remembered (2.x has no link count), keeping memory low
                boolean linkable = it.inode().nlink() > 1 || sb.major() == 2;
                String first = linkable ? seenInodes.putIfAbsent(it.inode().number(), it.path()) : null;
                if (first != null) {
                    if (it.content() != null) {
                        it.content().close();
                    }
                    sink.hardlink(it.path(), first);
                    continue;
                }
                // closed and fully scheduled contents drop off the front
                while (scheduler.hasRoom() && !unscheduled.isEmpty()) {
                    if (!unscheduled.peek().scheduleOne()) {
                        unscheduled.poll();
                    }
                }
                emit(it);
            }
        } finally {
            for (Item it : ready) {
                if (it.content() != null) {
                    it.content().close();
                }
            }
        }
    }

    /**
     * Reads a directory's entries and their inodes (metadata only), pushes subdirectories, and returns the
     * entries to emit; null when a limit says to stop.
     */
    private List<Item> resolve(Pending d, ArrayDeque<Pending> stack, Scheduler scheduler) throws IOException {
        List<DirectoryReader.Entry> list;
        try {
            list = dirs.list(d.dir());
        } catch (IOException e) {
            sink.warn("squashfs: directory '" + d.path() + "' unreadable: " + e.getMessage());
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DirectoryReader.Entry e : list) {
            if (sink.cancelled()) {
                return null;
            }
            if (++entries > MAX_ENTRIES) {
                sink.warn("squashfs: more than " + MAX_ENTRIES + " entries; stopping");
                return null;
            }
            String bad = Names.problem(e.name());
            if (bad != null) {
                sink.warn("squashfs: entry in '" + d.path() + "' refused: " + bad);
                continue;
            }
            if (!names.add(e.name())) {
                // unsquashfs rejects such a directory; a second entry of the same name would overwrite the first
                sink.warn("squashfs: duplicate name '" + e.name() + "' in '" + d.path() + "'; second entry skipped");
                continue;
            }
            String path = Names.join(d.path(), e.name());
            Inode inode;
            try {
                inode = inodes.read(e.inodeRef());
            } catch (IOException ex) {
                sink.warn("squashfs: inode of '" + path + "' unreadable: " + ex.getMessage());
                continue;
            }
            if (inode.kind() == Inode.Kind.DIRECTORY) {
                if (!visitedDirs.add(e.inodeRef())) {
                    sink.warn("squashfs: directory '" + path + "' links back to a visited directory; skipped");
                    continue;
                }
                if (d.depth() + 1 > MAX_DEPTH) {
                    sink.warn("squashfs: '" + path + "' nested deeper than " + MAX_DEPTH + "; skipped");
                    continue;
                }
                sink.directory(path, inode.mode(), inode.mtime());
                stack.push(new Pending(path, inode, d.depth() + 1));
                continue;
            }
            FileContent content = null;
            if (inode.kind() == Inode.Kind.FILE && !seenInodes.containsKey(inode.number())) {
                content = new FileContent(fs, sb, codec, scheduler, fragments, inode, path, sink::warn);
            }
            items.add(new Item(path, inode, content));
        }
        return items;
    }

    private void emit(Item it) throws IOException {
        String path = it.path();
        Inode inode = it.inode();
        switch (inode.kind()) {
            case FILE -> {
                try (FileContent content = it.content()) {
                    sink.file(path, inode.mode(), inode.mtime(), content);
                }
            }
            case SYMLINK -> sink.symlink(path, inode.symlinkTarget(), inode.mode());
            case BLOCK_DEVICE -> sink.special(path, 'b', inode.major(), inode.minor(), inode.mode());
            case CHAR_DEVICE -> sink.special(path, 'c', inode.major(), inode.minor(), inode.mode());
            case FIFO -> sink.special(path, 'p', 0, 0, inode.mode());
            case SOCKET -> sink.special(path, 's', 0, 0, inode.mode());
            default -> sink.warn("squashfs: '" + path + "' has an unexpected inode kind " + inode.kind());
        }
    }
}
