package org.iotb.assess.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.Applicable;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Condition;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.conformance.IcsLayout;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.Support;
import org.iotb.catalog.profile.Profile;

/**
 * Computes conformance statements from the declared profile, the declarations (with the answers carried across
 * the crosswalk) and, when given, the assessment's verdicts. The rules (EN 303 645 Annex B, applied to every
 * standard):
 * <ul>
 *   <li>N/A only where it has been determined that the condition does not apply: the profile determined it and the
 *       verdict (which weighs the evidence) agrees. A row whose verdict is applicable never prints N/A, and says
 *       that the profile's claim is contradicted.</li>
 *   <li>A declared N/A on a row that applies, or whose applicability the profile leaves open, is not printed as N/A:
 *       the support stays empty and the detail says why.</li>
 *   <li>A declared Y that the evidence contradicts (the verdict fails it, or records a conflict) keeps its Y but the
 *       detail starts with the contradiction and the verdict's reason.</li>
 *   <li>An answer carried from an equivalent requirement says so ("carried from EN 303 645 5.1-1").</li>
 * </ul>
 * References and statuses are written as the standard's table writes them ({@link IcsLayout}).
 */
public final class ConformanceStatements {
    private ConformanceStatements() {
    }

    /** One statement per standard of the catalog, in catalog order, without verdicts (profile and declarations only). */
    public static List<ConformanceStatement> of(Catalog catalog, Profile profile, Declarations declarations) {
        return of(catalog, profile, declarations, List.of());
    }

    /** One statement per standard of the catalog, in catalog order, weighed against the assessment's verdicts. */
    public static List<ConformanceStatement> of(Catalog catalog, Profile profile, Declarations declarations,
                                                List<Verdict> verdicts) {
        Declarations carried = declarations.withCarried(catalog.crosswalk());
        Map<String, Verdict> byKey = new LinkedHashMap<>();
        verdicts.forEach(v -> byKey.put(v.key(), v));
        List<ConformanceStatement> out = new ArrayList<>();
        for (Standard s : catalog.standards()) {
            out.add(of(catalog, s, profile, carried, byKey));
        }
        return out;
    }

    public static ConformanceStatement of(Catalog catalog, Standard standard, Profile profile, Declarations declarations) {
        return of(catalog, standard, profile, declarations.withCarried(catalog.crosswalk()), Map.of());
    }

    private static ConformanceStatement of(Catalog catalog, Standard standard, Profile profile, Declarations declarations,
                                           Map<String, Verdict> verdicts) {
        IcsLayout layout = IcsLayout.of(standard.id());
        List<StatementRow> rows = new ArrayList<>();
        for (ApplicabilityResult a : new ApplicabilityEngine(catalog).evaluate(standard, profile)) {
            Requirement r = a.requirement();
            rows.add(row(catalog, layout, r, a, declarations.get(standard.id(), r.id()).orElse(null), verdicts.get(r.key())));
        }
        return new ConformanceStatement(standard.id(), rows, layout.table(), layout.headingColumn(), layout.columns(),
                layout.note(), layout.notation(), layout.conditionsTitle(), legend(catalog, standard, layout), null);
    }

    private static StatementRow row(Catalog catalog, IcsLayout layout, Requirement r, ApplicabilityResult a,
                                    Declaration d, Verdict v) {
        Applicable applicable = v != null ? v.applicable() : applicable(a.applies());
        String reason = v != null && v.applicabilityReason() != null ? v.applicabilityReason() : a.reason();
        List<String> detail = new ArrayList<>();
        String support;
        boolean conflict = v != null && v.conflict();
        if (applicable == Applicable.NO) {
            // Determined by the profile, and the verdict (the evidence) agrees.
            // conditions, applicable conditions or the product's level decided it (an unconditional row cannot be N/A)
            support = r.conditional() || !r.levels().isEmpty() ? Support.NA.text() : "";
            detail.add(reason);
            if (d != null && d.support() != Support.NA) {
                detail.add("(declared " + d.support().text() + describe(d) + ")");
            }
        } else {
            if (a.applies() == Applies.NO) {
                conflict = true;
                detail.add("Applies although the profile says it does not (" + a.reason() + "): the evidence contradicts"
                        + " the profile" + (v != null && v.applicabilityReason() != null ? " (" + v.applicabilityReason() + ")" : "") + ".");
            }
            if (d == null) {
                support = "";
            } else if (d.support() == Support.NA) {
                support = "";
                detail.add("Declared N/A" + describe(d) + ", but N/A requires that the condition was determined not to"
                        + " apply" + (applicable == Applicable.YES ? "; it applies (" + reason + ")" : "") + ".");
            } else {
                support = d.support().text();
                boolean contradicted = d.support() == Support.Y && v != null
                        && (v.verdict() == VerdictValue.FAIL || v.conflict());
                String own = text(d);
                if (contradicted) {
                    conflict = true;
                    String why = v.reason() == null ? "" : v.reason().replaceFirst("^conflict: ", "");
                    detail.add("CONTRADICTED by the assessment (verdict " + v.verdict().id() + "): " + why
                            + (own.isEmpty() && !d.carried() ? "." : ". Declared:"));
                }
                if (d.carried()) {
                    detail.add("carried from " + label(catalog, d.carriedFrom()) + (own.isEmpty() ? "" : ":"));
                }
                if (!own.isEmpty()) {
                    detail.add(own);
                }
            }
            if (applicable == Applicable.UNDETERMINED) {
                detail.add(d == null ? "undetermined: " + reason : "(applicability undetermined: " + reason + ")");
            }
        }
        return new StatementRow(r.id(), r.clause(), r.clauseTitle(), layout.statusOf(r), applicable, support,
                String.join(" ", detail), layout.referenceOf(r), v == null ? null : v.verdict(),
                v == null ? null : v.basis(), d == null ? null : d.carriedFrom(), conflict);
    }

    /** The declaration's detail and evidence, as the detail column shows them. */
    private static String text(Declaration d) {
        String detail = d.detail() == null ? "" : d.detail();
        if (!d.evidence().isEmpty()) {
            detail = (detail.isEmpty() ? "" : detail + " ") + "[evidence: " + String.join("; ", d.evidence()) + "]";
        }
        return detail;
    }

    private static String describe(Declaration d) {
        String t = text(d);
        return (d.carried() ? ", carried from " + d.carriedFrom() : "") + (t.isEmpty() ? "" : ": " + t);
    }

    /**
     * The legend under the table: the layout's conditions as the table writes them (or those of the standard the
     * layout borrows them from); else the standard's numbered conditions; else the applicable conditions its rows use.
     */
    private static List<String> legend(Catalog catalog, Standard standard, IcsLayout layout) {
        if (!layout.conditions().isEmpty()) {
            return layout.conditions();
        }
        if (layout.conditionsFrom() != null && !IcsLayout.of(layout.conditionsFrom()).conditions().isEmpty()) {
            return IcsLayout.of(layout.conditionsFrom()).conditions();
        }
        List<String> out = new ArrayList<>();
        for (Condition c : catalog.conditionsOf(standard)) {
            out.add(c.number() + ") " + c.text());
        }
        Set<String> used = new LinkedHashSet<>();
        standard.requirements().forEach(r -> used.addAll(r.appliesIfAny()));
        for (Standard.ApplicabilityCondition c : standard.applicabilityConditions()) {
            if (used.contains(c.id())) {
                out.add(c.id() + ": " + c.text());
            }
        }
        return out;
    }

    private static String label(Catalog catalog, String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return key;
        }
        String sid = key.substring(0, colon);
        return catalog.standard(sid).map(Standard::shortTitle).orElse(sid) + " " + key.substring(colon + 1);
    }

    private static Applicable applicable(Applies a) {
        return Applicable.fromId(a.id());
    }
}
