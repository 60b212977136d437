package org.iotb.sbom.vuln;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The record dates of the feeds in one form, so the newest can be found by comparing strings: NVD writes
 * {@code 2024-07-02T17:15:03.463} (UTC, no zone), OSV {@code 2024-07-02T17:15:03Z}, KEV {@code 2023-11-21} and EPSS
 * {@code 2024-07-10T00:00:00+0000}. All become {@code 2024-07-02T17:15:03Z} (UTC, whole seconds).
 */
public final class FeedDates {
    private FeedDates() {
    }

    /** The date-time in UTC as {@code yyyy-MM-ddTHH:mm:ssZ}, or null when it is not a date. */
    public static String normalise(String text) {
        Instant i = parse(text);
        return i == null ? null : i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z")) {
                return Instant.parse(t);
            }
            if (t.matches(".*[+-]\\d{4}$")) { // +0000: no colon in the offset
                t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
            }
            if (t.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The later of two normalised dates (either may be null). */
    public static String later(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
