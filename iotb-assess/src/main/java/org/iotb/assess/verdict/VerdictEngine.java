package org.iotb.assess.verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iotb.assess.Applicable;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Basis;
import org.iotb.assess.DeclarationRef;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Requirement;
import org.iotb.model.Outcome;

/**
 * Decides one requirement's verdict from its applicability, the manufacturer's declaration and the findings
 * of the checks the catalog lists for it. The rules, in the order they are tried, are those of
 * docs/assessment.md; each rule's reason names the evidence behind it. A pass needs evidence: an automated
 * pass where the catalog says the checks settle the requirement, or a "Y" declaration no finding contradicts.
 */
public final class VerdictEngine {
    private static final int MAX_MESSAGE = 160;

    /**
     * @param findings the findings of {@code r.checks()} from every input (the caller filters them)
     * @param declaration null when the manufacturer declared nothing for this requirement
     */
    public Verdict decide(Requirement r, Applicable applicable, String applicabilityReason,
                          DeclarationRef declaration, List<AssessedFinding> findings) {
        Evidence e = new Evidence(findings);
        String appReason = applicabilityReason == null || applicabilityReason.isBlank() ? "" : applicabilityReason;

        // R1: not applicable to this product.
        if (applicable == Applicable.NO) {
            String reason = "not applicable: " + appReason;
            if (!e.fails.isEmpty()) {
                reason += " (failing checks " + e.ids(e.fails) + " were not counted)";
            }
            return verdict(r, applicable, appReason, VerdictValue.NOT_APPLICABLE, Basis.INFERRED, reason, e.all, declaration, false);
        }
        // R2: we cannot tell whether it applies.
        if (applicable == Applicable.UNDETERMINED) {
            String reason = "applicability undetermined: " + appReason;
            if (!e.fails.isEmpty()) {
                reason += "; checks " + e.ids(e.fails) + " failed and would fail it if it applies";
            }
            return verdict(r, applicable, appReason, VerdictValue.INCONCLUSIVE, Basis.NONE, reason, e.all, declaration, false);
        }
        // R3: an automated failure decides, whatever was declared.
        if (!e.fails.isEmpty()) {
            String failed = (e.count(e.fails) == 1 ? "automated check " : "automated checks ") + e.ids(e.fails) + " failed: "
                    + e.firstMessage(e.fails);
            if (declaration != null && declaration.yes()) {
                return verdict(r, applicable, appReason, VerdictValue.FAIL, Basis.VERIFIED, "conflict: declared Y, but " + failed,
                        e.fails, declaration, true);
            }
            if (declaration != null && declaration.notApplicable()) {
                return verdict(r, applicable, appReason, VerdictValue.FAIL, Basis.VERIFIED, "conflict: declared not applicable, but " + failed,
                        e.fails, declaration, true);
            }
            return verdict(r, applicable, appReason, VerdictValue.FAIL, Basis.VERIFIED, failed, e.fails, declaration, false);
        }
        // R4: declared N/A while the profile makes it applicable.
        if (declaration != null && declaration.notApplicable()) {
            return verdict(r, applicable, appReason, VerdictValue.INCONCLUSIVE, Basis.NONE, "conflict: declared not applicable, but the profile"
                    + " makes it applicable (" + appReason + "); correct the profile or the declaration",
                    e.all, declaration, true);
        }
        // R5: the manufacturer says it is not met.
        if (declaration != null && declaration.no()) {
            String reason = "declared not supported" + detail(declaration);
            boolean conflict = r.automated() && !e.passes.isEmpty();
            if (conflict) {
                reason = "conflict: " + reason + ", although automated checks " + e.ids(e.passes) + " passed";
            }
            return verdict(r, applicable, appReason, VerdictValue.FAIL, Basis.DECLARED, reason, e.all, declaration, conflict);
        }
        // R6: automated evidence settles it.
        if (r.automated() && !e.passes.isEmpty() && e.errors.isEmpty()) {
            String reason = "automated checks " + e.ids(e.passes) + " passed: " + e.firstMessage(e.passes);
            if (declaration != null && declaration.yes()) {
                reason = "declared Y and " + reason;
            }
            if (!e.warnings.isEmpty()) {
                reason += "; warnings to review: " + e.ids(e.warnings);
            }
            if (!e.notRun.isEmpty()) {
                reason += "; did not run: " + e.ids(e.notRun);
            }
            return verdict(r, applicable, appReason, VerdictValue.PASS, Basis.VERIFIED, reason, e.all, declaration, false);
        }
        // R7: declared Y and nothing contradicts it.
        if (declaration != null && declaration.yes()) {
            String reason;
            if (r.checks().isEmpty()) {
                reason = "declared; not verifiable automatically";
            } else if (e.ran.isEmpty()) {
                reason = "declared; automated checks " + String.join(", ", r.checks()) + " did not run"
                        + (e.notRun.isEmpty() ? "" : " (" + e.firstMessage(e.notRun) + ")");
            } else {
                reason = "declared; automated checks " + e.ids(e.ran) + " found no contradiction";
                if (!e.warnings.isEmpty()) {
                    reason += " (warnings to review: " + e.ids(e.warnings) + ")";
                }
                if (!e.errors.isEmpty()) {
                    reason += " (errors: " + e.ids(e.errors) + ")";
                }
            }
            return verdict(r, applicable, appReason, VerdictValue.PASS, e.ran.isEmpty() ? Basis.DECLARED : Basis.DECLARED_CONSISTENT, reason + detail(declaration), e.all, declaration, false);
        }
        // R8: some evidence, not enough to decide.
        if (!e.ran.isEmpty()) {
            String reason;
            if (!e.errors.isEmpty()) {
                reason = "checks " + e.ids(e.errors) + " could not complete: " + e.firstMessage(e.errors);
            } else if (!e.passes.isEmpty()) {
                reason = "automated checks " + e.ids(e.passes) + " passed but do not settle this requirement alone;"
                        + " a declaration is needed";
            } else if (!e.warnings.isEmpty()) {
                reason = "checks " + e.ids(e.warnings) + " raised warnings: " + e.firstMessage(e.warnings)
                        + "; review them and declare";
            } else {
                reason = "checks " + e.ids(e.ran) + " reported facts only; a declaration is needed";
            }
            return verdict(r, applicable, appReason, VerdictValue.INCONCLUSIVE, Basis.NONE, reason, e.all, declaration, false);
        }
        // R9: nothing looked at it.
        String reason;
        if (r.checks().isEmpty()) {
            reason = "no automated check covers this requirement and no declaration was given";
        } else if (e.notRun.isEmpty()) {
            reason = "checks " + String.join(", ", r.checks()) + " were not run and no declaration was given";
        } else {
            reason = "checks " + e.ids(e.notRun) + " did not run (" + e.firstMessage(e.notRun)
                    + ") and no declaration was given";
        }
        return verdict(r, applicable, appReason, VerdictValue.NOT_ASSESSED, Basis.NONE, reason, e.all, declaration, false);
    }

    private static String detail(DeclarationRef d) {
        return d.detail() == null || d.detail().isBlank() ? "" : " — \"" + clip(d.detail().strip()) + "\"";
    }

    private static Verdict verdict(Requirement r, Applicable applicable, String appReason, VerdictValue value, Basis basis,
                                   String reason,
                                   List<AssessedFinding> behind, DeclarationRef declaration, boolean conflict) {
        Set<String> ids = new LinkedHashSet<>();
        behind.forEach(f -> ids.add(f.check()));
        return new Verdict(r.standard(), r.id(), r.clause(), r.clauseTitle(), r.title(),
                r.status() == null ? null : r.status().id(), applicable, appReason, value, basis, reason, new ArrayList<>(ids),
                declaration, conflict, r.automated(), r.checks(), r.remediation());
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "…";
    }

    /** The findings of one requirement sorted by outcome. */
    private static final class Evidence {
        final List<AssessedFinding> all;
        final List<AssessedFinding> fails = new ArrayList<>();
        final List<AssessedFinding> errors = new ArrayList<>();
        final List<AssessedFinding> warnings = new ArrayList<>();
        final List<AssessedFinding> passes = new ArrayList<>();
        final List<AssessedFinding> ran = new ArrayList<>();
        final List<AssessedFinding> notRun = new ArrayList<>();

        Evidence(List<AssessedFinding> findings) {
            all = findings == null ? List.of() : findings;
            for (AssessedFinding f : all) {
                Outcome o = f.outcome() == null ? Outcome.INFO : f.outcome();
                if (o == Outcome.NOT_RUN) {
                    notRun.add(f);
                    continue;
                }
                ran.add(f);
                switch (o) {
                    case FAIL -> fails.add(f);
                    case ERROR -> errors.add(f);
                    case WARNING -> warnings.add(f);
                    case PASS -> passes.add(f);
                    default -> { }
                }
            }
        }

        String ids(List<AssessedFinding> list) {
            Set<String> ids = new LinkedHashSet<>();
            list.forEach(f -> ids.add(f.check()));
            return String.join(", ", ids);
        }

        int count(List<AssessedFinding> list) {
            Set<String> ids = new LinkedHashSet<>();
            list.forEach(f -> ids.add(f.check()));
            return ids.size();
        }

        String firstMessage(List<AssessedFinding> list) {
            for (AssessedFinding f : list) {
                if (f.message() != null && !f.message().isBlank()) {
                    return clip(f.message()) + (list.size() > 1 ? " (+" + (list.size() - 1) + " more)" : "");
                }
            }
            return "no message";
        }
    }
}
