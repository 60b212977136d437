package org.iotb.fs.flash.jffs2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file-offset map of one JFFS2 inode: data nodes applied oldest version first, each newer node replacing
 * whatever older data covered the same range, clipped to the file size. Gaps read as zeros (holes).
 */
final class Fragments {
    /** A range [start, end) of the file served by {@code node}. */
    record Frag(long start, long end, DataNode node) {
    }

    private final TreeMap<Long, Frag> map = new TreeMap<>();

    static Fragments build(List<DataNode> nodes, long fileSize) {
        List<DataNode> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingLong(DataNode::version));
        Fragments f = new Fragments();
        for (DataNode n : sorted) {
            long s = n.offset();
            long e = Math.min(n.offset() + n.dsize(), fileSize);
            if (e > s) {
                f.overlay(new Frag(s, e, n));
            }
        }
        return f;
    }

    private void overlay(Frag add) {
        Map.Entry<Long, Frag> before = map.lowerEntry(add.start());
        if (before != null && before.getValue().end() > add.start()) {
            Frag old = before.getValue();
            map.put(old.start(), new Frag(old.start(), add.start(), old.node()));
            if (old.end() > add.end()) {
                map.put(add.end(), new Frag(add.end(), old.end(), old.node()));
            }
        }
        List<Frag> covered = new ArrayList<>(map.subMap(add.start(), true, add.end(), false).values());
        for (Frag old : covered) {
            map.remove(old.start());
            if (old.end() > add.end()) {
                map.put(add.end(), new Frag(add.end(), old.end(), old.node()));
            }
        }
        map.put(add.start(), add);
    }

    /** The fragment covering {@code pos}, or null in a hole. */
    Frag at(long pos) {
        Map.Entry<Long, Frag> e = map.floorEntry(pos);
        return e != null && e.getValue().end() > pos ? e.getValue() : null;
    }

    /** Start of the first fragment after {@code pos}, or {@code Long.MAX_VALUE}. */
    long nextStart(long pos) {
        Long k = map.higherKey(pos);
        return k == null ? Long.MAX_VALUE : k;
    }

    int size() {
        return map.size();
    }
}
