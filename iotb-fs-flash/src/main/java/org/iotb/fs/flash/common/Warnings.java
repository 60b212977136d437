package org.iotb.fs.flash.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iotb.unpack.spi.ExtractionSink;

/**
 * Forwards warnings to the sink but only the first few of each kind, then one count per kind at the end:
 * a corrupt image can hold thousands of bad nodes and the manifest should stay readable.
 */
public final class Warnings {
    private static final int DETAILED_PER_KIND = 5;
    private final ExtractionSink sink;
    private final String prefix;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public Warnings(ExtractionSink sink, String prefix) {
        this.sink = sink;
        this.prefix = prefix;
    }

    /** Counts without reporting (for identify, where nothing is extracted yet). */
    public static Warnings silent() {
        return new Warnings(null, "");
    }

    public void warn(String kind, String detail) {
        int n = counts.merge(kind, 1, Integer::sum);
        if (n <= DETAILED_PER_KIND && sink != null) {
            sink.warn(prefix + ": " + kind + ": " + detail);
        }
    }

    public int count(String kind) {
        return counts.getOrDefault(kind, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Reports the kinds that had more occurrences than were shown. */
    public void flush() {
        counts.forEach((kind, n) -> {
            if (n > DETAILED_PER_KIND && sink != null) {
                sink.warn(prefix + ": " + kind + ": " + n + " occurrences in total (first " + DETAILED_PER_KIND + " shown)");
            }
        });
    }
}
