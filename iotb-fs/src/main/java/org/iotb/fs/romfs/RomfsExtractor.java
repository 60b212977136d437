package org.iotb.fs.romfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.fs.common.Names;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;

/**
 * Walks romfs directories (linked lists of headers) with a visited set over header offsets, then emits entries;
 * hard links are emitted last so that their targets, wherever they sit in the tree, already have a path.
 */
final class RomfsExtractor {
    private static final int MAX_DEPTH = 512;
    private static final int MAX_ENTRIES = 1_000_000;
    private static final int MAX_SYMLINK = 4096;

    private record Item(String path, RomfsHeader header) {
    }

    private record Dir(String path, long firstHeader, int depth) {
    }

    private final ByteSource fs;
    private final long limit;
    private final ExtractionSink sink;

    RomfsExtractor(ByteSource fs, long limit, ExtractionSink sink) {
        this.fs = fs;
        this.limit = limit;
        this.sink = sink;
    }

    void run(long firstHeader) throws IOException {
        List<Item> items = new ArrayList<>();
        Map<Long, String> pathOf = new HashMap<>();
        Set<Long> visited = new HashSet<>();
        ArrayDeque<Dir> stack = new ArrayDeque<>();
        stack.push(new Dir("", firstHeader, 0));
        while (!stack.isEmpty()) {
            Dir d = stack.pop();
            Set<String> names = new HashSet<>();
            long off = d.firstHeader();
            while (off != 0) {
                if (sink.cancelled()) {
                    return;
                }
                if (!visited.add(off)) {
                    sink.warn("romfs: header at " + off + " reached twice; chain cut in '" + d.path() + "'");
                    break;
                }
                if (items.size() >= MAX_ENTRIES) {
                    sink.warn("romfs: more than " + MAX_ENTRIES + " entries; stopping");
                    break;
                }
                RomfsHeader h;
                try {
                    h = RomfsHeader.read(fs, off, limit);
                } catch (IOException e) {
                    sink.warn("romfs: directory '" + d.path() + "' corrupt: " + e.getMessage());
                    break;
                }
                off = h.next();
                if (h.name().equals(".") || h.name().equals("..")) {
                    continue;
                }
                String bad = Names.problem(h.name());
                if (bad != null || !names.add(h.name())) {
                    sink.warn("romfs: entry in '" + d.path() + "' refused: " + (bad != null ? bad : "duplicate name"));
                    continue;
                }
                String path = Names.join(d.path(), h.name());
                items.add(new Item(path, h));
                pathOf.put(h.offset(), path);
                if (h.type() == RomfsHeader.DIRECTORY) {
                    if (d.depth() + 1 > MAX_DEPTH) {
                        sink.warn("romfs: '" + path + "' nested too deep; skipped");
                    } else {
                        stack.push(new Dir(path, h.info() & ~15L, d.depth() + 1));
                    }
                }
            }
        }
        for (Item it : items) {
            if (it.header().type() != RomfsHeader.HARDLINK) {
                emit(it.path(), it.header());
            }
        }
        for (Item it : items) {
            if (it.header().type() == RomfsHeader.HARDLINK) {
                String target = pathOf.get(it.header().info());
                if (target == null) {
                    sink.warn("romfs: hard link '" + it.path() + "' points at no known entry");
                } else {
                    sink.hardlink(it.path(), target);
                }
            }
        }
    }

    private void emit(String path, RomfsHeader h) throws IOException {
        int mode = h.exec() ? 0755 : 0644;
        if (sink.cancelled()) {
            return;
        }
        switch (h.type()) {
            case RomfsHeader.DIRECTORY -> sink.directory(path, 0755, 0);
            case RomfsHeader.FILE -> {
                if (h.dataOffset() + h.size() > limit) {
                    sink.warn("romfs: '" + path + "' data runs past the end of the image; cut short");
                }
                sink.file(path, mode, 0, fs.stream(h.dataOffset(), Math.min(h.size(), limit - h.dataOffset())));
            }
            case RomfsHeader.SYMLINK -> {
                if (h.size() > MAX_SYMLINK || h.dataOffset() + h.size() > limit) {
                    sink.warn("romfs: symlink '" + path + "' target invalid; skipped");
                    return;
                }
                byte[] t = fs.bytes(h.dataOffset(), (int) h.size());
                sink.symlink(path, new String(t, StandardCharsets.UTF_8), 0777);
            }
            case RomfsHeader.BLOCK_DEVICE, RomfsHeader.CHAR_DEVICE -> sink.special(path,
                    h.type() == RomfsHeader.BLOCK_DEVICE ? 'b' : 'c', (int) (h.info() >>> 16),
                    (int) (h.info() & 0xffff), mode);
            case RomfsHeader.SOCKET -> sink.special(path, 's', 0, 0, mode);
            case RomfsHeader.FIFO -> sink.special(path, 'p', 0, 0, mode);
            default -> sink.warn("romfs: '" + path + "' has unknown type " + h.type());
        }
    }
}
