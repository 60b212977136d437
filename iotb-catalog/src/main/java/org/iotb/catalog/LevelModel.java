package org.iotb.catalog;

import java.util.List;
import java.util.Optional;

/**
 * How a product's security level is decided (Xiaomi Appendix A): each personal-data category, integrity impact
 * and availability impact maps to a level; the product's level is the highest of them.
 */
public record LevelModel(String rule, List<Entry> confidentiality, List<Entry> integrity, List<Entry> availability) {

    public LevelModel {
        confidentiality = List.copyOf(confidentiality);
        integrity = List.copyOf(integrity);
        availability = List.copyOf(availability);
    }

    /** {@code key} is a personal-data category or an impact (minor/limited/severe). */
    public record Entry(String key, Level level, String text) {
    }

    public static Optional<Level> lookup(List<Entry> entries, String key) {
        return entries.stream().filter(e -> e.key().equals(key)).map(Entry::level).findFirst();
    }
}
