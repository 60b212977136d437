package org.iotb.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad a failing finding is; used for ordering and for SARIF levels. */
public enum Severity {
    NONE, LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
