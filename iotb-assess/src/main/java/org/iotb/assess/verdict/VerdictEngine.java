package org.iotb.assess.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.Applicable;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Basis;
import org.iotb.assess.CheckIds;
import org.iotb.assess.DeclarationRef;
import org.iotb.assess.Examination;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Requirement;
import org.iotb.model.Outcome;

/**
 * Decides one requirement's verdict from its applicability, the manufacturer's declaration and the findings
 * of the checks the catalog lists for it. The rules, in the order they are tried, are those of
 * docs/assessment.md; each rule's reason names the evidence behind it, the finding that bears on the requirement
 * first (findings are ordered as the catalog lists the requirement's checks). Evidence outranks claims: a failing
 * check beats a "Y", a warning makes a "Y" inconclusive, a contradicted profile claim marks the verdict as a
 * conflict, and a pass never rests on an input that could not be examined. What the verdict rests on
 * ({@link Basis}) is decided in one place, {@link Basis#of}.
 */
public final class VerdictEngine {
    private static final int MAX_MESSAGE = 160;

    /** As {@link #decide(Requirement, Applicable, String, DeclarationRef, List, Circumstances)} with no circumstances. */
    public Verdict decide(Requirement r, Applicable applicable, String applicabilityReason,
                          DeclarationRef declaration, List<AssessedFinding> findings) {
        return decide(r, applicable, applicabilityReason, declaration, findings, Circumstances.NONE);
    }

    /**
     * @param findings the findings of {@code r.checks()} from every input (the caller filters them)
     * @param declaration null when the manufacturer declared nothing for this requirement
     */
    public Verdict decide(Requirement r, Applicable applicable, String applicabilityReason,
                          DeclarationRef declaration, List<AssessedFinding> findings, Circumstances circumstances) {
        Decision d = rules(r, applicable, declaration, new Evidence(r.checks(), findings, circumstances), circumstances,
                applicabilityReason == null || applicabilityReason.isBlank() ? "" : applicabilityReason);
        String reason = d.reason;
        boolean conflict = d.conflict;
        if (!circumstances.contradictedClaims().isEmpty()) {
            // the requirement's applicability read a claim the evidence contradicts: it was judged on the evidence
            reason = "conflict: " + String.join("; ", circumstances.contradictedClaims())
                    + " (applicability follows the evidence); " + (reason.startsWith("conflict: ")
                    ? reason.substring("conflict: ".length()) : reason);
            conflict = true;
        }
        Set<String> ids = new LinkedHashSet<>();
        d.behind.forEach(f -> ids.add(f.check()));
        String appReason = applicabilityReason == null || applicabilityReason.isBlank() ? "" : applicabilityReason;
        return new Verdict(r.standard(), r.id(), r.clause(), r.clauseTitle(), r.title(),
                r.status() == null ? null : r.status().id(), applicable, appReason, d.value,
                Basis.of(d.value, d.evidenceDecided, d.evidenceExamined), reason, new ArrayList<>(ids),
                declaration, conflict, r.automated(), r.checks(), r.remediation());
    }

    /** One rule's outcome: the verdict, its reason, the findings behind it and what decided it. */
    private record Decision(VerdictValue value, String reason, List<AssessedFinding> behind, boolean conflict,
                            boolean evidenceDecided, boolean evidenceExamined) {
    }

    private static Decision rules(Requirement r, Applicable applicable, DeclarationRef declaration, Evidence e,
                                  Circumstances circumstances, String appReason) {
        // R1: not applicable to this product.
        if (applicable == Applicable.NO) {
            String reason = "not applicable: " + appReason;
            if (!e.fails.isEmpty()) {
                reason += " (failing checks " + e.ids(e.fails) + " were not counted)";
            }
            return new Decision(VerdictValue.NOT_APPLICABLE, reason, e.all, false, false, false);
        }
        // R2: we cannot tell whether it applies.
        if (applicable == Applicable.UNDETERMINED) {
            String reason = "applicability undetermined: " + appReason;
            if (!e.fails.isEmpty()) {
                reason += "; checks " + e.ids(e.fails) + " failed and would fail it if it applies";
            }
            return new Decision(VerdictValue.INCONCLUSIVE, reason, e.all, false, false, false);
        }
        // R3: an automated failure decides, whatever was declared.
        if (!e.fails.isEmpty()) {
            String failed = (e.count(e.fails) == 1 ? "automated check " : "automated checks ") + e.ids(e.fails) + " failed: "
                    + e.firstMessage(e.fails);
            if (declaration != null && declaration.yes()) {
                return new Decision(VerdictValue.FAIL, "conflict: declared Y, but " + failed, e.fails, true, true, true);
            }
            if (declaration != null && declaration.notApplicable()) {
                return new Decision(VerdictValue.FAIL, "conflict: declared not applicable, but " + failed, e.fails,
                        true, true, true);
            }
            return new Decision(VerdictValue.FAIL, failed, e.fails, false, true, true);
        }
        // R4: declared N/A while the profile makes it applicable.
        if (declaration != null && declaration.notApplicable()) {
            return new Decision(VerdictValue.INCONCLUSIVE, "conflict: declared not applicable, but the profile"
                    + " makes it applicable (" + appReason + "); correct the profile or the declaration",
                    e.all, true, false, false);
        }
        // R5: the manufacturer says it is not met.
        if (declaration != null && declaration.no()) {
            String reason = "declared not supported" + detail(declaration);
            boolean conflict = r.automated() && !e.passes.isEmpty();
            if (conflict) {
                reason = "conflict: " + reason + ", although automated checks " + e.ids(e.passes) + " passed";
            }
            return new Decision(VerdictValue.FAIL, reason, e.all, conflict, false, false);
        }
        // R6: an input these checks would have looked at could not be examined (fully): no pass can rest on it.
        Map<String, Examination> limited = e.limitedInputs(r.checks(), circumstances);
        if (!limited.isEmpty()) {
            List<String> why = new ArrayList<>();
            limited.forEach((input, x) -> why.add(input + (x.coverage() == Examination.Coverage.NONE
                    ? " could not be examined" : " was examined only in part") + " (" + x.note() + ")"));
            String reason = String.join("; ", why) + "; checks " + String.join(", ", r.checks())
                    + " cannot settle this requirement on it";
            if (declaration != null && declaration.yes()) {
                reason = "declared Y, but " + reason;
            }
            return new Decision(VerdictValue.INCONCLUSIVE, reason, e.all, false, false, false);
        }
        // R6b: a check says its own result cannot settle a requirement (finding data "cannotSettle": e.g. the
        // vulnerability data was only the starter set or too old to show that no known vulnerability applies).
        String unsettled = e.cannotSettle();
        if (unsettled != null) {
            String reason = "inconclusive: " + unsettled + "; a pass cannot rest on it";
            if (declaration != null && declaration.yes()) {
                reason = "declared Y, but " + reason;
            }
            return new Decision(VerdictValue.INCONCLUSIVE, reason, e.all, false, false, true);
        }
        // R7: automated evidence settles it.
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
            return new Decision(VerdictValue.PASS, reason, e.all, false, true, true);
        }
        // R8: declared Y. A warning contradicts it (inconclusive, conflict); otherwise it passes on the declaration.
        if (declaration != null && declaration.yes()) {
            if (!e.warnings.isEmpty()) {
                return new Decision(VerdictValue.INCONCLUSIVE, "conflict: declared Y, but "
                        + (e.count(e.warnings) == 1 ? "check " : "checks ") + e.ids(e.warnings) + " raised warnings: "
                        + e.firstMessage(e.warnings) + "; review them before relying on the declaration",
                        e.warnings, true, false, true);
            }
            String reason;
            if (r.checks().isEmpty()) {
                reason = "declared; not verifiable automatically";
            } else if (e.completed.isEmpty()) {
                reason = "declared; automated checks " + String.join(", ", r.checks()) + " did not run"
                        + (e.errors.isEmpty() ? "" : " to completion (" + e.ids(e.errors) + ": " + e.firstMessage(e.errors) + ")")
                        + (e.notRun.isEmpty() ? "" : " (" + e.firstMessage(e.notRun) + ")");
            } else {
                reason = "declared; automated checks " + e.ids(e.completed) + " found no contradiction";
                if (!e.errors.isEmpty()) {
                    reason += " (errors: " + e.ids(e.errors) + ")";
                }
            }
            return new Decision(VerdictValue.PASS, reason + detail(declaration), e.all, false, false,
                    !e.completed.isEmpty());
        }
        // R9: some evidence, not enough to decide.
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
            return new Decision(VerdictValue.INCONCLUSIVE, reason, e.all, false, false, false);
        }
        // R10: nothing looked at it.
        String reason;
        if (r.checks().isEmpty()) {
            reason = "no automated check covers this requirement and no declaration was given";
        } else if (e.notRun.isEmpty()) {
            reason = "checks " + String.join(", ", r.checks()) + " were not run and no declaration was given";
        } else {
            reason = "checks " + e.ids(e.notRun) + " did not run (" + e.firstMessage(e.notRun)
                    + ") and no declaration was given";
        }
        return new Decision(VerdictValue.NOT_ASSESSED, reason, e.all, false, false, false);
    }

    private static String detail(DeclarationRef d) {
        return d.detail() == null || d.detail().isBlank() ? "" : " — \"" + clip(d.detail().strip()) + "\"";
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "…";
    }

    /**
     * The findings of one requirement sorted by outcome, each list in the order the catalog lists the
     * requirement's checks (so a reason names the check that bears on the requirement most directly first).
     */
    private static final class Evidence {
        final List<AssessedFinding> all;
        final List<AssessedFinding> fails = new ArrayList<>();
        final List<AssessedFinding> errors = new ArrayList<>();
        final List<AssessedFinding> warnings = new ArrayList<>();
        final List<AssessedFinding> passes = new ArrayList<>();
        final List<AssessedFinding> ran = new ArrayList<>();
        /** Findings of checks that ran to completion (everything that ran except errors). */
        final List<AssessedFinding> completed = new ArrayList<>();
        final List<AssessedFinding> notRun = new ArrayList<>();

        Evidence(List<String> checks, List<AssessedFinding> findings, Circumstances circumstances) {
            List<AssessedFinding> sorted = new ArrayList<>(findings == null ? List.of() : findings);
            sorted.sort(Comparator.comparingInt(f -> rank(checks, f.check()))); // stable: input order within a check
            all = sorted;
            for (AssessedFinding f : all) {
                Outcome o = f.outcome() == null ? Outcome.INFO : f.outcome();
                if (o == Outcome.NOT_RUN) {
                    notRun.add(f);
                    continue;
                }
                ran.add(f);
                if (o != Outcome.ERROR) {
                    completed.add(f);
                }
                switch (o) {
                    case FAIL -> fails.add(f);
                    case ERROR -> errors.add(f);
                    case WARNING -> warnings.add(f);
                    case PASS -> passes.add(f);
                    default -> { }
                }
            }
        }

        private static int rank(List<String> checks, String check) {
            for (int i = 0; i < checks.size(); i++) {
                if (CheckIds.matches(checks.get(i), check)) {
                    return i;
                }
            }
            return checks.size();
        }

        /**
         * Inputs not examined in full that bear on this requirement: one that produced a finding for it, or one
         * that could not be examined at all while the requirement has checks of the kind that would have read it.
         */
        Map<String, Examination> limitedInputs(List<String> checks, Circumstances circumstances) {
            Map<String, Examination> out = new LinkedHashMap<>();
            for (AssessedFinding f : ran) {
                Examination x = circumstances.examination(f.source());
                if (!x.full()) {
                    out.putIfAbsent(f.source(), x);
                }
            }
            boolean readsFirmware = checks.stream().anyMatch(c -> c.startsWith("fw.") || c.startsWith("sbom."));
            if (readsFirmware) {
                circumstances.examinations().forEach((input, x) -> {
                    if (x.coverage() == Examination.Coverage.NONE) {
                        out.putIfAbsent(input, x);
                    }
                });
            }
            return out;
        }

        /** "sbom.component-vulnerable: <why>" of the first finding whose data says it cannot settle, else null. */
        String cannotSettle() {
            for (AssessedFinding f : ran) {
                Object why = f.data() == null ? null : f.data().get("cannotSettle");
                if (why != null) {
                    return f.check() + ": " + why;
                }
            }
            return null;
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
