package org.iotb.catalog.declarations;

import com.fasterxml.jackson.annotation.JsonValue;

/** The manufacturer's answer in the Annex B "Support" column: Y, N or N/A. */
public enum Support {
    Y("Y"), N("N"), NA("N/A");

    private final String text;

    Support(String text) {
        this.text = text;
    }

    @JsonValue
    public String text() {
        return text;
    }

    public static Support parse(String s) {
        String t = s == null ? "" : s.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (t) {
            case "Y", "YES", "TRUE" -> Y;
            case "N", "NO", "FALSE" -> N;
            case "N/A", "NA", "NOT APPLICABLE" -> NA;
            default -> throw new IllegalArgumentException("support must be Y, N or N/A, not '" + s + "'");
        };
    }
}
