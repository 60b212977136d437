package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a verdict rests on (docs/assessment.md, "Basis"). JSON ids are a public contract: reports, the CI gate
 * ({@code --fail-on unverified}) and other tools read them.
 */
public enum Basis {
    /** Automated evidence (firmware, device, cross-input analysis) decided it. */
    VERIFIED("verified"),
    /** A declaration that automated evidence examined and did not contradict. */
    DECLARED_CONSISTENT("declared+consistent"),
    /** The manufacturer's word alone: no evidence looked at it. */
    DECLARED("declared"),
    /** A profile fact (a claim about the product) decided it, e.g. not applicable. */
    INFERRED("inferred"),
    /** Nothing decided it: the verdict is inconclusive or not assessed. */
    NONE("none");

    private final String id;

    Basis(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Basis fromId(String id) {
        for (Basis b : values()) {
            if (b.id.equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown basis " + id);
    }
}
