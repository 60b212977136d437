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

    /**
     * The one rule that says what a verdict rests on (docs/assessment.md, "Basis"): a fail or pass that automated
     * evidence decided is {@code verified}; a pass on a "Y" declaration is {@code declared+consistent} when some
     * check examined the requirement on a real input and found nothing against it, else {@code declared}; a fail
     * on an "N" declaration is {@code declared}; not-applicable rests on the profile ({@code inferred}, corrected by
     * the evidence where the two disagree); inconclusive and not-assessed rest on nothing.
     *
     * @param evidenceDecided automated findings (a failing or a settling passing check) decided the verdict
     * @param evidenceExamined a check ran to completion on an examined input for this requirement
     */
    public static Basis of(VerdictValue verdict, boolean evidenceDecided, boolean evidenceExamined) {
        return switch (verdict) {
            case NOT_APPLICABLE -> INFERRED;
            case INCONCLUSIVE, NOT_ASSESSED -> NONE;
            case FAIL -> evidenceDecided ? VERIFIED : DECLARED;
            case PASS -> evidenceDecided ? VERIFIED : evidenceExamined ? DECLARED_CONSISTENT : DECLARED;
        };
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
