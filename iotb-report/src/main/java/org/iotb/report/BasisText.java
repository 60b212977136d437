package org.iotb.report;

import java.util.ArrayList;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;

/**
 * The words every output uses for what a verdict rests on ({@link Basis}): badge labels, legend meanings, the
 * split of passes ("9 passes: 2 verified, 7 declared (…)") and the sentence of the bottom line that says how much
 * was verified. One place, so the HTML, the PDF, the console summary and the CI formats say the same thing.
 */
public final class BasisText {
    private BasisText() {
    }

    /** The label on a badge: the basis in words (never colour alone). */
    public static String label(Basis b) {
        return switch (b) {
            case VERIFIED -> "verified";
            case DECLARED_CONSISTENT -> "declared, consistent with evidence";
            case DECLARED -> "declared only";
            case INFERRED -> "inferred from profile";
            case NONE -> "no basis";
        };
    }

    /** What each basis means, for the legend and for CI messages. */
    public static String meaning(Basis b) {
        return switch (b) {
            case VERIFIED -> "automated evidence (firmware, device or cross-input checks) decided it";
            case DECLARED_CONSISTENT -> "the manufacturer declared it; automated checks examined it and found no contradiction,"
                    + " but do not settle it alone";
            case DECLARED -> "the manufacturer's word alone: no automated evidence looked at it";
            case INFERRED -> "a fact of the product profile (a claim about the product) decided it";
            case NONE -> "nothing decided it (inconclusive or not assessed)";
        };
    }

    /** A CSS-safe suffix of the basis id ("declared+consistent" → "declared-consistent"). */
    public static String cssId(Basis b) {
        return b.id().replace('+', '-');
    }

    /** Passes that rest on a declaration, whether evidence examined it or not. */
    public static int declaredPasses(StandardSummary s) {
        return s.passes(Basis.DECLARED) + s.passes(Basis.DECLARED_CONSISTENT);
    }

    /**
     * "9 passes: 2 verified, 7 declared (3 consistent with evidence, 4 declared only)". The verified count is always
     * given, so a reader sees a zero; a pass inferred from the profile is named when there is one.
     */
    public static String passSplit(StandardSummary s) {
        int passes = s.count(VerdictValue.PASS);
        if (passes == 0) {
            return "no passes";
        }
        int verified = s.passes(Basis.VERIFIED);
        int consistent = s.passes(Basis.DECLARED_CONSISTENT);
        int declaredOnly = s.passes(Basis.DECLARED);
        int inferred = s.passes(Basis.INFERRED);
        String text = passes + (passes == 1 ? " pass: " : " passes: ") + split(verified, consistent, declaredOnly, inferred);
        int unknown = passes - verified - consistent - declaredOnly - inferred;
        // a summary made without the split (not by the Assessor or the schema upgrade) must not pass for "0 verified"
        return unknown > 0 ? text + ", " + unknown + " of unknown basis" : text;
    }

    private static String split(int verified, int consistent, int declaredOnly, int inferred) {
        StringBuilder b = new StringBuilder().append(verified).append(" verified, ");
        int declared = consistent + declaredOnly;
        if (consistent > 0 && declaredOnly > 0) {
            b.append(declared).append(" declared (").append(consistent).append(" consistent with evidence, ")
                    .append(declaredOnly).append(" declared only)");
        } else if (consistent > 0) {
            b.append(consistent).append(" declared, consistent with evidence");
        } else if (declaredOnly > 0) {
            b.append(declaredOnly).append(" declared only");
        } else {
            b.append("0 declared");
        }
        if (inferred > 0) {
            b.append(", ").append(inferred).append(" inferred from the profile");
        }
        return b.toString();
    }

    /**
     * The sentence of the bottom line on how much was verified, over all standards: "2 of 27 passes were verified by
     * evidence; 25 rest on the manufacturer's declarations (…)". When no verdict at all rests on automated evidence it
     * says so plainly. Empty when there is nothing to say (no verdict, or no pass while evidence decided some fails).
     */
    public static String verifiedStatement(Assessment a) {
        int passes = 0;
        int verified = 0;
        int consistent = 0;
        int declaredOnly = 0;
        int inferred = 0;
        for (StandardSummary s : a.summary()) {
            passes += s.count(VerdictValue.PASS);
            verified += s.passes(Basis.VERIFIED);
            consistent += s.passes(Basis.DECLARED_CONSISTENT);
            declaredOnly += s.passes(Basis.DECLARED);
            inferred += s.passes(Basis.INFERRED);
        }
        boolean anyEvidence = a.verdicts().stream().anyMatch(v -> v.basis() == Basis.VERIFIED);
        if (!anyEvidence) {
            if (passes == 0) {
                return a.verdicts().isEmpty() ? "" : "Nothing was verified by evidence: no verdict rests on automated checks.";
            }
            return "Nothing was verified by evidence: " + (passes == 1 ? "the only pass rests" : "all " + passes + " passes rest")
                    + " on the manufacturer's " + (inferred > 0 ? "declarations and profile." : "declarations.");
        }
        if (passes == 0) {
            return "";
        }
        int declared = consistent + declaredOnly;
        String text = verified + " of " + passes + (passes == 1 ? " pass was" : " passes were") + " verified by evidence";
        if (declared > 0) {
            text += "; " + declared + (declared == 1 ? " rests" : " rest") + " on the manufacturer's declarations ("
                    + (consistent > 0 && declaredOnly > 0 ? consistent + " consistent with evidence, " + declaredOnly + " declared only"
                    : consistent > 0 ? "consistent with evidence" : "declared only, no evidence looked at them") + ")";
        }
        if (inferred > 0) {
            text += "; " + inferred + (inferred == 1 ? " rests" : " rest") + " on the product profile";
        }
        return text + ".";
    }

    /** The verdicts whose evidence contradicts a claim (a declaration or the profile), in assessment order. */
    public static List<Verdict> conflicts(Assessment a) {
        List<Verdict> out = new ArrayList<>();
        for (Verdict v : a.verdicts()) {
            if (v.conflict()) {
                out.add(v);
            }
        }
        return out;
    }
}
