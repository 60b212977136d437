package org.iotb.unpack.sink;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a symlink may be created on disk. A target is made relative to the container's root
 * (absolute targets are re-rooted there) and accepted only when its ".." components all come first and do not
 * climb above the root. Because links are only ever created inside real directories (never through another
 * link), leading ".." steps resolve physically as they do on paper, and every later step only descends, so
 * by induction no chain of created links can leave the tree.
 */
public final class SymlinkTargets {
    static final int MAX_TARGET = 4096;

    private SymlinkTargets() {
    }

    /**
     * The target to create for a link whose parent directory is {@code parentDepth} levels below the container
     * root, or null when the link must only be recorded.
     */
    public static String safeTarget(String target, int parentDepth) {
        if (target == null || target.isEmpty() || target.length() > MAX_TARGET) {
            return null;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return null;
            }
        }
        String t = target;
        if (t.startsWith("/")) {
            t = "../".repeat(parentDepth) + t.replaceFirst("^/+", "");
        }
        List<String> out = new ArrayList<>();
        int ups = 0;
        boolean descending = false;
        for (String c : t.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (descending) {
                    return null;
                }
                ups++;
                if (ups > parentDepth) {
                    return null;
                }
            } else {
                descending = true;
            }
            out.add(c);
        }
        return out.isEmpty() ? "." : String.join("/", out);
    }
}
