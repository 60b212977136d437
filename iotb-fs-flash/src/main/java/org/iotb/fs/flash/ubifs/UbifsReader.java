package org.iotb.fs.flash.ubifs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.iotb.fs.flash.common.Endian;
import org.iotb.fs.flash.common.FsNode;
import org.iotb.fs.flash.common.FsTree;
import org.iotb.fs.flash.common.SizeGuard;
import org.iotb.fs.flash.common.Warnings;
import org.iotb.fs.flash.common.WindowReader;
import org.iotb.unpack.spi.ByteSource;

/**
 * Reads a UBIFS image through its committed index: superblock, newest master node, index walk, then inode,
 * directory-entry and data nodes turned into a file tree. Journal entries not yet committed to the index are
 * not replayed (images written by mkfs.ubifs and cleanly unmounted volumes have none).
 */
final class UbifsReader {
    private static final Endian LE = Endian.LITTLE;

    private final ByteSource source;
    private final long base;
    private final Superblock sb;
    private final Warnings w;
    private final UbifsNodes nodes;
    private final Map<Long, byte[]> inodes = new HashMap<>();
    private final Map<Long, TreeMap<Long, long[]>> blocks = new HashMap<>();
    private final Map<Long, Map<String, Long>> dents = new HashMap<>();
    final Map<String, Integer> compressors = new TreeMap<>();

    UbifsReader(ByteSource source, long base, Superblock sb, Warnings w) {
        this.source = source;
        this.base = base;
        this.sb = sb;
        this.w = w;
        this.nodes = new UbifsNodes(source, base, sb.lebSize());
    }

    /** The newest valid master node of LEBs 1 and 2, or null. */
    byte[] master() throws IOException {
        byte[] best = null;
        WindowReader r = new WindowReader(source);
        byte[] word = new byte[4];
        for (long lnum = 1; lnum <= 2; lnum++) {
            // Master nodes are rewritten at increasing offsets of their LEB; every copy is a candidate.
            for (long offs = 0; offs + UbifsFormat.CH_SIZE <= sb.lebSize(); offs += 8) {
                long pos = base + lnum * sb.lebSize() + offs;
                if (!r.read(pos, word, 0, 4)) {
                    break;
                }
                if (LE.s32(word, 0) != UbifsFormat.MAGIC) {
                    continue;
                }
                byte[] m = nodes.read(lnum, offs, UbifsFormat.MST_NODE);
                if (m != null && m.length >= 80 && (best == null || UbifsNodes.sqnum(m) > UbifsNodes.sqnum(best))) {
                    best = m;
                }
            }
        }
        return best;
    }

    FsTree read(BooleanSupplier cancelled) throws IOException {
        byte[] mst = master();
        if (mst == null) {
            w.warn("no valid master node", "LEBs 1 and 2 hold no master node with a good CRC");
            return null;
        }
        long rootLnum = LE.u32(mst, 48);
        long rootOffs = LE.u32(mst, 52);
        UbifsIndex.walk(nodes, rootLnum, rootOffs, w, cancelled, this::leaf);
        int buds = uncommittedBuds();
        if (buds > 0) {
            w.warn("uncommitted journal", buds + " journal bud reference(s) after the last commit are not replayed;"
                    + " changes made since that commit may be missing");
        }
        return build();
    }

    /**
     * Counts log references to journal buds written after the newest commit-start node: work that the index
     * does not describe yet. Only counted, not replayed.
     */
    int uncommittedBuds() throws IOException {
        long logLebs = Math.min(sb.logLebs(), Math.max(0, sb.lebCnt() - UbifsFormat.LOG_LNUM));
        WindowReader r = new WindowReader(source);
        byte[] word = new byte[4];
        long lastCommit = -1;
        java.util.List<Long> refs = new java.util.ArrayList<>();
        for (long lnum = UbifsFormat.LOG_LNUM; lnum < UbifsFormat.LOG_LNUM + logLebs; lnum++) {
            for (long offs = 0; offs + UbifsFormat.CH_SIZE <= sb.lebSize(); offs += 8) {
                if (!r.read(base + lnum * sb.lebSize() + offs, word, 0, 4)) {
                    return 0;
                }
                if (LE.s32(word, 0) != UbifsFormat.MAGIC) {
                    continue;
                }
                byte[] n = nodes.read(lnum, offs, -1);
                if (n == null) {
                    continue;
                }
                int type = UbifsNodes.type(n);
                if (type == UbifsFormat.CS_NODE) {
                    lastCommit = Math.max(lastCommit, UbifsNodes.sqnum(n));
                } else if (type == UbifsFormat.REF_NODE) {
                    refs.add(UbifsNodes.sqnum(n));
                }
            }
        }
        long commit = lastCommit;
        return (int) refs.stream().filter(sq -> sq > commit).count();
    }

    private void leaf(byte[] n, long lnum, long offs) {
        int type = UbifsNodes.type(n);
        if (n.length < UbifsFormat.CH_SIZE + 8) {
            return;
        }
        long inum = LE.u32(n, 24);
        switch (type) {
            case UbifsFormat.INO_NODE -> {
                if (n.length >= UbifsFormat.INO_HEADER) {
                    inodes.put(inum, n);
                } else {
                    w.warn("short inode node", "at " + lnum + ":" + offs);
                }
            }
            case UbifsFormat.DATA_NODE -> {
                if (n.length < UbifsFormat.DATA_HEADER) {
                    w.warn("short data node", "at " + lnum + ":" + offs);
                    return;
                }
                long block = LE.u32(n, 28) & 0x1FFFFFFFL;
                blocks.computeIfAbsent(inum, k -> new TreeMap<>()).put(block, new long[] {lnum, offs});
                compressors.merge(UbifsFormat.comprName(LE.u16(n, 44)), 1, Integer::sum);
            }
            case UbifsFormat.DENT_NODE -> {
                if (n.length < UbifsFormat.DENT_HEADER) {
                    w.warn("short directory entry node", "at " + lnum + ":" + offs);
                    return;
                }
                long child = LE.u64(n, 40);
                int nlen = LE.u16(n, 50);
                if (UbifsFormat.DENT_HEADER + nlen > n.length) {
                    w.warn("directory entry name longer than node", "at " + lnum + ":" + offs);
                    return;
                }
                String name = new String(n, UbifsFormat.DENT_HEADER, nlen, StandardCharsets.UTF_8);
                dents.computeIfAbsent(inum, k -> new HashMap<>()).put(name, child);
            }
            default -> {
                // Extended-attribute entries and anything else in the index are not part of the tree.
            }
        }
    }

    private FsTree build() {
        FsTree tree = new FsTree(UbifsFormat.ROOT_INO);
        dents.forEach((parent, names) -> names.forEach((name, child) -> tree.link(parent, name, child)));
        for (Map.Entry<Long, byte[]> en : inodes.entrySet()) {
            tree.put(toNode(en.getKey(), en.getValue()));
        }
        if (tree.node(UbifsFormat.ROOT_INO) == null) {
            w.warn("root inode missing", "using an empty root directory");
            tree.put(new FsNode(UbifsFormat.ROOT_INO, 'd', 0755, 0, null, 0, 0, null));
        }
        return tree;
    }

    private FsNode toNode(long inum, byte[] n) {
        int mode = LE.s32(n, 104);
        long size = LE.u64(n, 48);
        long mtime = LE.u64(n, 72);
        long dataLen = LE.u32(n, 112);
        int payloadLen = (int) Math.min(dataLen, n.length - UbifsFormat.INO_HEADER);
        char type = FsNode.typeOfMode(mode);
        switch (type) {
            case 'f': {
                TreeMap<Long, long[]> b = blocks.getOrDefault(inum, new TreeMap<>());
                long fileSize = SizeGuard.clip(size, source.size(), w, "inode " + inum);
                return new FsNode(inum, 'f', mode, mtime, null, 0, 0, () -> new UbifsFileStream(nodes, b, fileSize, inum, w));
            }
            case 'l':
                return new FsNode(inum, 'l', mode, mtime,
                        new String(n, UbifsFormat.INO_HEADER, payloadLen, StandardCharsets.UTF_8), 0, 0, null);
            case 'c', 'b': {
                int major = 0;
                int minor = 0;
                // 4 or 8 bytes, both in the kernel's new_encode_dev layout (huge_encode_dev is the same value).
                if (payloadLen >= 4) {
                    long dev = payloadLen >= 8 ? LE.u64(n, UbifsFormat.INO_HEADER) : LE.u32(n, UbifsFormat.INO_HEADER);
                    major = (int) ((dev & 0xfff00) >> 8);
                    minor = (int) ((dev & 0xff) | ((dev >> 12) & 0xfff00));
                }
                return new FsNode(inum, type, mode, mtime, null, major, minor, null);
            }
            default:
                return new FsNode(inum, type, mode, mtime, null, 0, 0, null);
        }
    }
}
