package org.iotb.firmware.tree;

import java.util.ArrayList;
import java.util.List;

/** A printable string found inside a binary file, and where. */
public record StringHit(long offset, String text) {

    /** Printable ASCII runs (tab included) of at least {@code min} chars; at most {@code maxHits} are kept. */
    public static List<StringHit> extract(byte[] data, int min, int maxHits) {
        List<StringHit> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= data.length; i++) {
            int c = i < data.length ? data[i] & 0xff : 0;
            boolean printable = (c >= 0x20 && c < 0x7f) || c == '\t';
            if (printable) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0 && i - start >= min) {
                int end = Math.min(i, start + 4096);
                out.add(new StringHit(start, new String(data, start, end - start,
                        java.nio.charset.StandardCharsets.ISO_8859_1)));
                if (out.size() >= maxHits) {
                    return out;
                }
            }
            start = -1;
        }
        return out;
    }
}
