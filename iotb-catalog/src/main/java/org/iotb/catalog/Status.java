package org.iotb.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a requirement is a "shall" (mandatory) or a "should" (recommended). */
public enum Status {
    MANDATORY("M"), RECOMMENDED("R");

    private final String code;

    Status(String code) {
        this.code = code;
    }

    /** The letter Annex B of EN 303 645 uses: M or R. */
    public String code() {
        return code;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Status fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
