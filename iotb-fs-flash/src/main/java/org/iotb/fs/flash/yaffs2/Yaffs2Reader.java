package org.iotb.fs.flash.yaffs2;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.iotb.fs.flash.common.FsNode;
import org.iotb.fs.flash.common.FsTree;
import org.iotb.fs.flash.common.SizeGuard;
import org.iotb.fs.flash.common.Warnings;
import org.iotb.unpack.spi.ByteSource;

/**
 * Replays a YAFFS2 image: for every object the newest header (highest block sequence number, then the later
 * chunk) and for every (object, chunk) the newest data chunk; objects whose parent is the "unlinked" or
 * "deleted" pseudo-directory are gone.
 */
final class Yaffs2Reader {
    static final long ROOT = 1;
    private static final long UNLINKED = 3;
    private static final long DELETED = 4;
    /** Upper bound on chunks examined: 16 GiB of 2 KiB pages. */
    private static final long MAX_CHUNKS = 1L << 23;

    /** A chunk's place in the log: later wins. */
    record Version(long seq, long index) implements Comparable<Version> {
        @Override
        public int compareTo(Version o) {
            return seq != o.seq ? Long.compare(seq, o.seq) : Long.compare(index, o.index);
        }
    }

    record DataChunk(Version v, long pos, int nBytes) {
    }

    private record HeaderAt(Version v, Yaffs2Header h) {
    }

    private final ByteSource source;
    private final long offset;
    private final Yaffs2Geometry g;
    private final Warnings w;
    private final Map<Long, HeaderAt> headers = new HashMap<>();
    private final Map<Long, TreeMap<Long, DataChunk>> data = new HashMap<>();
    long lastChunkEnd;

    Yaffs2Reader(ByteSource source, long offset, Yaffs2Geometry g, Warnings w) {
        this.source = source;
        this.offset = offset;
        this.g = g;
        this.w = w;
    }

    void scan(long limit, BooleanSupplier cancelled) throws IOException {
        long chunks = Math.min(MAX_CHUNKS, (limit - offset) / g.chunkSize());
        for (long i = 0; i < chunks; i++) {
            if ((i & 1023) == 0 && cancelled.getAsBoolean()) {
                return;
            }
            long pos = offset + i * g.chunkSize();
            Yaffs2Tags t = Yaffs2Tags.read(source, pos, g);
            if (t == null) {
                continue;
            }
            Version v = new Version(t.seq(), i);
            lastChunkEnd = pos + g.chunkSize();
            if (t.isHeader()) {
                Yaffs2Header h = Yaffs2Header.read(source, pos, g);
                if (h == null) {
                    w.warn("unparsable object header", "chunk " + i + " (object " + t.objId() + ")");
                    continue;
                }
                HeaderAt old = headers.get(t.objId());
                if (old == null || v.compareTo(old.v()) > 0) {
                    headers.put(t.objId(), new HeaderAt(v, h));
                }
            } else {
                TreeMap<Long, DataChunk> chunksOf = data.computeIfAbsent(t.objId(), k -> new TreeMap<>());
                DataChunk old = chunksOf.get(t.chunkId());
                if (old == null || v.compareTo(old.v()) > 0) {
                    chunksOf.put(t.chunkId(), new DataChunk(v, pos, (int) t.nBytes()));
                }
            }
        }
    }

    FsTree tree() {
        FsTree tree = new FsTree(ROOT);
        if (!headers.containsKey(ROOT)) {
            tree.put(new FsNode(ROOT, 'd', 0755, 0, null, 0, 0, null));
        }
        for (Map.Entry<Long, HeaderAt> en : headers.entrySet()) {
            long id = en.getKey();
            Yaffs2Header h = en.getValue().h();
            if (h.parent() == UNLINKED || h.parent() == DELETED) {
                continue;
            }
            if (id != ROOT) {
                long target = h.type() == Yaffs2Header.HARDLINK ? h.equivId() : id;
                tree.link(h.parent(), h.name(), target);
            }
            FsNode node = toNode(id, h);
            if (node != null) {
                tree.put(node);
            }
        }
        return tree;
    }

    private FsNode toNode(long id, Yaffs2Header h) {
        int mode = h.mode();
        switch (h.type()) {
            case Yaffs2Header.FILE: {
                TreeMap<Long, DataChunk> chunks = data.getOrDefault(id, new TreeMap<>());
                long size = SizeGuard.clip(h.size(), source.size(), w, "object " + id);
                return new FsNode(id, 'f', mode, h.mtime(), null, 0, 0,
                        () -> new Yaffs2FileStream(source, g.pageSize(), chunks, size));
            }
            case Yaffs2Header.SYMLINK:
                return new FsNode(id, 'l', mode, h.mtime(), h.alias(), 0, 0, null);
            case Yaffs2Header.DIRECTORY:
                return new FsNode(id, 'd', mode, h.mtime(), null, 0, 0, null);
            case Yaffs2Header.SPECIAL: {
                char t = FsNode.typeOfMode(mode);
                long rdev = h.rdev();
                return new FsNode(id, t == '?' ? 's' : t, mode, h.mtime(), null, (int) ((rdev >> 8) & 0xfff),
                        (int) ((rdev & 0xff) | ((rdev >> 12) & 0xfff00)), null);
            }
            default:
                return null; // a hard link is only a name; its target object carries the data
        }
    }
}
