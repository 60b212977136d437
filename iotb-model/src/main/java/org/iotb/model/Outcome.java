package org.iotb.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What one check concluded. The JSON names are a public contract: pass, fail, warning, info, error, not-run. */
public enum Outcome {
    PASS, FAIL, WARNING, INFO, ERROR, NOT_RUN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Outcome fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
