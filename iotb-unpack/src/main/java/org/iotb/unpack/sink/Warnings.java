package org.iotb.unpack.sink;

import java.util.ArrayList;
import java.util.List;

/** Warnings of a run, bounded so that a hostile image cannot flood memory with them. */
public final class Warnings {
    static final int MAX = 5000;
    private final List<String> list = new ArrayList<>();
    private int dropped;

    public synchronized void add(String w) {
        if (list.size() < MAX) {
            list.add(org.iotb.model.Evidence.readable(rawBytesShown(w))); // names from hostile archives may hold raw binary
        } else {
            dropped++;
        }
    }

    /** A stored byte that is not UTF-8 ({@link org.iotb.unpack.spi.StoredNames}) as \\xNN: JSON cannot carry it. */
    static String rawBytesShown(String w) {
        if (w == null || !org.iotb.unpack.spi.StoredNames.hasRawBytes(w)) {
            return w;
        }
        StringBuilder sb = new StringBuilder(w.length() + 16);
        for (int i = 0; i < w.length(); i++) {
            if (org.iotb.unpack.spi.StoredNames.isRawByte(w, i)) {
                sb.append(String.format("\\x%02X", w.charAt(i) & 0xff));
            } else {
                sb.append(w.charAt(i));
            }
        }
        return sb.toString();
    }

    public synchronized List<String> list() {
        List<String> out = new ArrayList<>(list);
        if (dropped > 0) {
            out.add(dropped + " further warnings dropped");
        }
        return out;
    }
}
