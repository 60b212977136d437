package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The five verdicts of an assessment; JSON ids are a public contract (see docs/assessment-schema.md). */
public enum VerdictValue {
    PASS, FAIL, NOT_APPLICABLE, INCONCLUSIVE, NOT_ASSESSED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static VerdictValue fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
