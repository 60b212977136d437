package org.iotb.fs.flash.common;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Inodes and directory entries of a resolved flash file system, rooted at {@link #rootIno()}. */
public final class FsTree {
    private final long rootIno;
    private final Map<Long, FsNode> nodes = new HashMap<>();
    private final Map<Long, TreeMap<String, Long>> children = new HashMap<>();

    public FsTree(long rootIno) {
        this.rootIno = rootIno;
    }

    public long rootIno() {
        return rootIno;
    }

    public void put(FsNode node) {
        nodes.put(node.ino(), node);
    }

    public FsNode node(long ino) {
        return nodes.get(ino);
    }

    public void link(long parentIno, String name, long childIno) {
        children.computeIfAbsent(parentIno, k -> new TreeMap<>()).put(name, childIno);
    }

    /** Entries of a directory, sorted by name (deterministic output). */
    public Map<String, Long> entries(long dirIno) {
        TreeMap<String, Long> m = children.get(dirIno);
        return m == null ? Map.of() : m;
    }

    public int nodeCount() {
        return nodes.size();
    }
}
