package org.iotb.report.html;

import java.util.List;
import org.iotb.assess.Basis;
import org.iotb.assess.VerdictValue;
import org.iotb.report.BasisText;

/** Words and colours for verdicts, shared by every section so the report speaks one language. */
public final class Labels {
    private Labels() {
    }

    /** Order of verdicts in charts and legends: the worst first. */
    public static final List<VerdictValue> ORDER = List.of(VerdictValue.FAIL, VerdictValue.INCONCLUSIVE,
            VerdictValue.NOT_ASSESSED, VerdictValue.PASS, VerdictValue.NOT_APPLICABLE);

    public static String colour(VerdictValue v) {
        return switch (v) {
            case PASS -> "#2e7d32";
            case FAIL -> "#c62828";
            case INCONCLUSIVE -> "#f2a93b";
            case NOT_ASSESSED -> "#5d6b7a";
            case NOT_APPLICABLE -> "#d5dbe1";
        };
    }

    public static String label(VerdictValue v) {
        return switch (v) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case INCONCLUSIVE -> "inconclusive";
            case NOT_ASSESSED -> "not assessed";
            case NOT_APPLICABLE -> "not applicable";
        };
    }

    /** What each verdict means, for the legend a manager reads. */
    public static String meaning(VerdictValue v) {
        return switch (v) {
            case PASS -> "met: automated checks settle it (verified), or the manufacturer declared it and no evidence contradicts"
                    + " (declared; see what it rests on)";
            case FAIL -> "not met: an automated check failed or the manufacturer declared it unsupported";
            case INCONCLUSIVE -> "some evidence, not enough: a declaration or a profile fact is missing, or evidence conflicts";
            case NOT_ASSESSED -> "nothing looked at it: no check ran and nothing was declared";
            case NOT_APPLICABLE -> "does not apply to this product (per its profile)";
        };
    }

    /**
     * A mark of its own for each verdict, so a verdict reads without colour (WCAG 1.4.1): the badge shows it beside
     * the words, the heat map beside the requirement id. DejaVu Sans has every one of them (the PDF embeds it).
     */
    public static String icon(VerdictValue v) {
        return switch (v) {
            case PASS -> "\u2713";           // check mark
            case FAIL -> "\u2717";           // ballot x
            case INCONCLUSIVE -> "?";
            case NOT_ASSESSED -> "\u25cb";   // white circle: nothing looked at it
            case NOT_APPLICABLE -> "\u2013"; // en dash
        };
    }

    /** A verdict as text, icon and colour. */
    public static String badge(VerdictValue v) {
        return "<span class=\"badge v-" + v.id() + "\"><span class=\"icon\" aria-hidden=\"true\">" + icon(v) + "</span> "
                + label(v) + "</span>";
    }

    /**
     * What a verdict rests on, as a badge: its words plus a colour and a border style of its own (solid for verified,
     * dashed for declared, dotted for inferred), so it reads without colour. Empty for {@link Basis#NONE}.
     */
    public static String basisBadge(Basis b) {
        if (b == null || b == Basis.NONE) {
            return "";
        }
        return "<span class=\"basis b-" + BasisText.cssId(b) + "\" title=\"" + org.iotb.report.Xml.esc(BasisText.meaning(b)) + "\">"
                + BasisText.label(b) + "</span>";
    }

    /** The mark of a verdict whose evidence contradicts a claim (a declaration or the profile). */
    public static String conflictBadge() {
        return "<span class=\"conflict-badge\" title=\"automated evidence contradicts a declaration or a profile fact\">"
                + "conflict</span>";
    }

    public static String statusLetter(String status) {
        return "mandatory".equals(status) ? "M" : "recommended".equals(status) ? "R" : "";
    }
}
