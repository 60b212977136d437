package org.iotb.server.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write values: times to the minute in UTC ("2026-12-02 06:41 UTC"; the API gives full ISO-8601). */
public final class Format {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Format() {
    }

    public static String time(Instant t) {
        return t == null ? "–" : MINUTE.format(t);
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }
}
