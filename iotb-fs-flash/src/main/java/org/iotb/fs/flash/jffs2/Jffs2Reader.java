package org.iotb.fs.flash.jffs2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.iotb.fs.flash.common.Crc32Raw;
import org.iotb.fs.flash.common.Endian;
import org.iotb.fs.flash.common.FsNode;
import org.iotb.fs.flash.common.FsTree;
import org.iotb.fs.flash.common.SizeGuard;
import org.iotb.fs.flash.common.Warnings;
import org.iotb.fs.flash.common.WindowReader;
import org.iotb.unpack.spi.ByteSource;

/**
 * Replays a JFFS2 log into a file tree. Every node's CRCs are checked (a failing node is skipped and counted),
 * the newest version of each directory entry wins (an entry pointing at inode 0 is a deletion) and file data is
 * assembled from data nodes by version.
 */
final class Jffs2Reader {
    static final long ROOT_INO = 1;

    private record Dirent(long version, long ino) {
    }

    private final WindowReader reader;
    private final Endian e;
    private final Warnings warnings;
    private final Map<Long, Map<String, Dirent>> dirents = new HashMap<>();
    private final Map<Long, InodeLog> inodes = new HashMap<>();
    final Map<String, Integer> compressors = new java.util.TreeMap<>();

    Jffs2Reader(ByteSource source, Endian e, Warnings warnings) {
        this.reader = new WindowReader(source);
        this.e = e;
        this.warnings = warnings;
    }

    Jffs2Scanner.Summary collect(long start, long limit, java.util.function.BooleanSupplier cancelled) throws IOException {
        return Jffs2Scanner.scan(reader, start, limit, e, (pos, type, totlen, header) -> {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            if ((type & Jffs2Format.NODE_ACCURATE) == 0) {
                return true; // obsolete node: superseded on the device
            }
            if (type == Jffs2Format.DIRENT) {
                dirent(pos, totlen);
            } else if (type == Jffs2Format.INODE) {
                inode(pos, totlen);
            }
            return true;
        });
    }

    /**
     * The fixed part of a node of {@code size} bytes when the node is that long and the CRC over its first
     * {@code crcLength} bytes matches the one stored at {@code crcAt}; null, with a warning, otherwise.
     */
    private byte[] checkedHeader(long pos, long totlen, int size, int crcLength, int crcAt, String kind)
            throws IOException {
        if (totlen < size) {
            warnings.warn("short " + kind + " node", "at offset " + pos);
            return null;
        }
        byte[] d = reader.bytes(pos, size);
        if (Crc32Raw.jffs2(d, 0, crcLength) != e.s32(d, crcAt)) {
            warnings.warn(kind + " node CRC mismatch", "at offset " + pos);
            return null;
        }
        return d;
    }

    private void dirent(long pos, long totlen) throws IOException {
        byte[] d = checkedHeader(pos, totlen, Jffs2Format.DIRENT_SIZE, 32, 32, "dirent");
        if (d == null) {
            return;
        }
        long pino = e.u32(d, 12);
        long version = e.u32(d, 16);
        long ino = e.u32(d, 20);
        int nsize = e.u8(d, 28);
        if (Jffs2Format.DIRENT_SIZE + nsize > totlen) {
            warnings.warn("dirent name longer than node", "at offset " + pos);
            return;
        }
        byte[] name = reader.bytes(pos + Jffs2Format.DIRENT_SIZE, nsize);
        if (name == null || Crc32Raw.jffs2(name, 0, nsize) != e.s32(d, 36)) {
            warnings.warn("dirent name CRC mismatch", "at offset " + pos);
            return;
        }
        String n = new String(name, StandardCharsets.UTF_8);
        Map<String, Dirent> dir = dirents.computeIfAbsent(pino, k -> new HashMap<>());
        Dirent old = dir.get(n);
        if (old == null || version >= old.version()) {
            dir.put(n, new Dirent(version, ino));
        }
    }

    private void inode(long pos, long totlen) throws IOException {
        byte[] d = checkedHeader(pos, totlen, Jffs2Format.INODE_SIZE, 60, 64, "inode");
        if (d == null) {
            return;
        }
        long ino = e.u32(d, 12);
        long version = e.u32(d, 16);
        int mode = e.s32(d, 20);
        long isize = e.u32(d, 28);
        long mtime = e.u32(d, 36);
        long offset = e.u32(d, 44);
        long csize = e.u32(d, 48);
        long dsize = e.u32(d, 52);
        int compr = e.u8(d, 56);
        if (csize > totlen - Jffs2Format.INODE_SIZE) {
            warnings.warn("inode data longer than node", "at offset " + pos);
            return;
        }
        if (dsize > Jffs2Format.MAX_DSIZE || csize > Jffs2Format.MAX_DSIZE) {
            warnings.warn("oversized data node", "at offset " + pos + " (" + dsize + " bytes)");
            return;
        }
        byte[] data = reader.bytes(pos + Jffs2Format.INODE_SIZE, (int) csize);
        boolean dataOk = data != null && Crc32Raw.jffs2(data, 0, (int) csize) == e.s32(d, 60);
        if (!dataOk) {
            // The header (node CRC) is sound, so the metadata stands; the range reads as a hole.
            warnings.warn("inode data CRC mismatch", "inode " + ino + " bytes " + offset + "+" + dsize + " at offset " + pos
                    + " dropped");
        }
        DataNode node = null;
        if (dsize > 0 && dataOk) {
            node = new DataNode(version, pos + Jffs2Format.INODE_SIZE, offset, (int) csize, (int) dsize, compr);
            compressors.merge(Jffs2Format.comprName(compr), 1, Integer::sum);
        }
        inodes.computeIfAbsent(ino, k -> new InodeLog()).add(version, mode, mtime, isize, node);
    }

    /** Builds the tree from what {@link #collect} gathered. */
    FsTree resolve() throws IOException {
        FsTree tree = new FsTree(ROOT_INO);
        tree.put(new FsNode(ROOT_INO, 'd', 0755, 0, null, 0, 0, null));
        for (Map.Entry<Long, Map<String, Dirent>> dir : dirents.entrySet()) {
            for (Map.Entry<String, Dirent> ent : dir.getValue().entrySet()) {
                long ino = ent.getValue().ino();
                if (ino != 0) { // inode 0 marks the name as deleted
                    tree.link(dir.getKey(), ent.getKey(), ino);
                }
            }
        }
        for (Map.Entry<Long, InodeLog> en : inodes.entrySet()) {
            if (en.getKey() == ROOT_INO) {
                continue;
            }
            FsNode n = toNode(en.getKey(), en.getValue());
            if (n != null) {
                tree.put(n);
            }
        }
        return tree;
    }

    private FsNode toNode(long ino, InodeLog log) throws IOException {
        char type = FsNode.typeOfMode(log.mode);
        // Regular files end at isize (truncation); symlinks and devices keep their payload in data nodes
        // whatever isize says.
        long size = type == 'f' ? SizeGuard.clip(log.isize, reader.size(), warnings, "inode " + ino) : 0;
        long payload = type == 'f' ? size : totalData(log);
        Fragments frags = Fragments.build(log.data, payload);
        ByteSource src = reader.source();
        switch (type) {
            case 'f':
                return new FsNode(ino, 'f', log.mode, log.mtime, null, 0, 0,
                        () -> new Jffs2FileStream(src, frags, size, ino, warnings));
            case 'l': {
                byte[] target = smallPayload(frags, payload, ino);
                return new FsNode(ino, 'l', log.mode, log.mtime,
                        target == null ? "" : new String(target, StandardCharsets.UTF_8), 0, 0, null);
            }
            case 'c', 'b': {
                byte[] dev = smallPayload(frags, Math.min(8, payload), ino);
                int major = 0;
                int minor = 0;
                if (dev != null && dev.length >= 4) {
                    long id = e.u32(dev, 0); // new_encode_dev
                    major = (int) ((id & 0xfff00) >> 8);
                    minor = (int) ((id & 0xff) | ((id >> 12) & 0xfff00));
                } else if (dev != null && dev.length >= 2) {
                    int id = e.u16(dev, 0); // old 16-bit encoding
                    major = id >> 8;
                    minor = id & 0xff;
                }
                return new FsNode(ino, type, log.mode, log.mtime, null, major, minor, null);
            }
            default:
                return new FsNode(ino, type, log.mode, log.mtime, null, 0, 0, null);
        }
    }

    private static long totalData(InodeLog log) {
        long max = 0;
        for (DataNode d : log.data) {
            max = Math.max(max, d.offset() + d.dsize());
        }
        return max;
    }

    /** The first bytes of a non-regular inode (symlink target, device number); null when unreadable. */
    private byte[] smallPayload(Fragments frags, long size, long ino) {
        int n = (int) Math.min(size, 4096);
        try (Jffs2FileStream in = new Jffs2FileStream(reader.source(), frags, n, ino, warnings)) {
            return in.readNBytes(n);
        } catch (IOException | RuntimeException ex) {
            warnings.warn("unreadable inode payload", "inode " + ino + ": " + ex.getMessage());
            return null;
        }
    }
}
