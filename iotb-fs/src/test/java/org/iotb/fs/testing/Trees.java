package org.iotb.fs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Compares an extracted tree with a reference, path by path, with a readable diff on failure. */
public final class Trees {
    private Trees() {
    }

    public static void assertSame(Map<String, Entry> actual, Map<String, Entry> expected) {
        assertSame(actual, expected, UnaryOperator.identity());
    }

    public static void assertSame(Map<String, Entry> actual, Map<String, Entry> expected,
                                  UnaryOperator<Entry> normalise) {
        Map<String, Entry> a = new TreeMap<>();
        actual.forEach((k, v) -> a.put(k, v == null ? null : normalise.apply(v)));
        Map<String, Entry> e = new TreeMap<>();
        expected.forEach((k, v) -> e.put(k, normalise.apply(v)));
        assertThat(a.keySet()).containsExactlyInAnyOrderElementsOf(e.keySet());
        for (String k : e.keySet()) {
            assertThat(a.get(k)).as(k).isEqualTo(e.get(k));
        }
    }
}
