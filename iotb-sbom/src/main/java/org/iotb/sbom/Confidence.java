package org.iotb.sbom;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How sure an identification is. high: a package record or the component's own version banner; medium: a bare
 * version string next to a component-specific anchor, or a library file name that carries the version;
 * low: the component is present but its version could not be read.
 */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Confidence fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }

    /** A number for formats that want one (CycloneDX evidence confidence is 0..1). */
    public double score() {
        return switch (this) {
            case HIGH -> 0.9;
            case MEDIUM -> 0.6;
            case LOW -> 0.3;
        };
    }
}
