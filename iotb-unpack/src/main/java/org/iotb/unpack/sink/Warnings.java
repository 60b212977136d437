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
            list.add(org.iotb.model.Evidence.readable(w)); // names from hostile archives may hold raw binary
        } else {
            dropped++;
        }
    }

    public synchronized List<String> list() {
        List<String> out = new ArrayList<>(list);
        if (dropped > 0) {
            out.add(dropped + " further warnings dropped");
        }
        return out;
    }
}
