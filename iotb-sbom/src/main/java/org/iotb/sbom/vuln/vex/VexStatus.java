package org.iotb.sbom.vuln.vex;

import java.util.Locale;

/**
 * A triage decision on one vulnerability in one product, in OpenVEX's words. CycloneDX analysis states map onto
 * them ({@link #fromCycloneDx}): {@code not_affected}/{@code false_positive} → not affected, {@code resolved}/
 * {@code resolved_with_pedigree} → fixed, {@code exploitable} → affected, {@code in_triage} → under investigation.
 */
public enum VexStatus {
    NOT_AFFECTED, AFFECTED, FIXED, UNDER_INVESTIGATION;

    /** The OpenVEX word: not_affected, affected, fixed, under_investigation. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True if the statement takes the vulnerability out of the verdicts (it is kept, with its reason, in outputs). */
    public boolean removesFromVerdicts() {
        return this == NOT_AFFECTED || this == FIXED;
    }

    public static VexStatus fromOpenVex(String s) {
        return s == null ? null : switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "not_affected" -> NOT_AFFECTED;
            case "affected" -> AFFECTED;
            case "fixed" -> FIXED;
            case "under_investigation" -> UNDER_INVESTIGATION;
            default -> null;
        };
    }

    public static VexStatus fromCycloneDx(String state) {
        return state == null ? null : switch (state.trim().toLowerCase(Locale.ROOT)) {
            case "not_affected", "false_positive" -> NOT_AFFECTED;
            case "resolved", "resolved_with_pedigree" -> FIXED;
            case "exploitable" -> AFFECTED;
            case "in_triage" -> UNDER_INVESTIGATION;
            default -> null;
        };
    }

    /** The CycloneDX analysis state for this status. */
    public String cycloneDxState() {
        return switch (this) {
            case NOT_AFFECTED -> "not_affected";
            case AFFECTED -> "exploitable";
            case FIXED -> "resolved";
            case UNDER_INVESTIGATION -> "in_triage";
        };
    }
}
