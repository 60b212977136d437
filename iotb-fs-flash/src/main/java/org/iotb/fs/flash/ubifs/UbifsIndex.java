package org.iotb.fs.flash.ubifs;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.iotb.fs.flash.common.Endian;
import org.iotb.fs.flash.common.Warnings;

/**
 * Walks the on-flash index B+tree from the root named by the master node and hands every leaf node to a
 * visitor. Index nodes already visited are not entered again (a crafted index can point back at itself), and
 * the depth is bounded.
 */
final class UbifsIndex {
    private static final Endian LE = Endian.LITTLE;

    interface LeafVisitor {
        void leaf(byte[] node, long lnum, long offs) throws IOException;
    }

    private record Ref(long lnum, long offs, int depth) {
    }

    private UbifsIndex() {
    }

    static int walk(UbifsNodes nodes, long rootLnum, long rootOffs, Warnings w, BooleanSupplier cancelled,
                    LeafVisitor visitor) throws IOException {
        Set<Long> seenIndex = new HashSet<>();
        Set<Long> seenLeaf = new HashSet<>();
        Deque<Ref> work = new ArrayDeque<>();
        work.push(new Ref(rootLnum, rootOffs, 0));
        int leaves = 0;
        while (!work.isEmpty() && !cancelled.getAsBoolean()) {
            Ref ref = work.pop();
            if (!seenIndex.add(ref.lnum() << 32 | ref.offs())) {
                w.warn("index loop", "index node " + ref.lnum() + ":" + ref.offs() + " referenced again; not followed");
                continue;
            }
            byte[] idx = nodes.read(ref.lnum(), ref.offs(), UbifsFormat.IDX_NODE);
            if (idx == null) {
                w.warn("unreadable index node", nodes.lastError);
                continue;
            }
            if (idx.length < UbifsFormat.IDX_HEADER) {
                w.warn("short index node", "at " + ref.lnum() + ":" + ref.offs());
                continue;
            }
            int count = LE.u16(idx, 24);
            int level = LE.u16(idx, 26);
            if (count == 0) {
                continue;
            }
            // Branch size is key (8) + 12 bytes, plus a hash on authenticated file systems: derive it from the length.
            int branch = (idx.length - UbifsFormat.IDX_HEADER) / count;
            if (branch < UbifsFormat.BRANCH_MIN) {
                w.warn("index node branches do not fit", "at " + ref.lnum() + ":" + ref.offs());
                continue;
            }
            if (level > 0 && ref.depth() + 1 > UbifsFormat.MAX_INDEX_DEPTH) {
                w.warn("index too deep", "at " + ref.lnum() + ":" + ref.offs());
                continue;
            }
            for (int i = count - 1; i >= 0; i--) {
                int at = UbifsFormat.IDX_HEADER + i * branch;
                long lnum = LE.u32(idx, at);
                long offs = LE.u32(idx, at + 4);
                if (level > 0) {
                    work.push(new Ref(lnum, offs, ref.depth() + 1));
                    continue;
                }
                if (!seenLeaf.add(lnum << 32 | offs)) {
                    continue;
                }
                byte[] leaf = nodes.read(lnum, offs, -1);
                if (leaf == null) {
                    w.warn("unreadable leaf node", nodes.lastError);
                    continue;
                }
                visitor.leaf(leaf, lnum, offs);
                leaves++;
            }
        }
        return leaves;
    }
}
