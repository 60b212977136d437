package org.iotb.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Xiaomi security levels, ordered: a product's level is the highest of its impact levels. */
public enum Level {
    LOW, MEDIUM, HIGH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Level fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }

    public static Level max(Level a, Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
