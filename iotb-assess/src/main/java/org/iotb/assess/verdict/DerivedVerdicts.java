package org.iotb.assess.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.iotb.assess.Applicable;
import org.iotb.assess.Basis;
import org.iotb.assess.DerivedSource;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.derived.Derivation;

/**
 * The verdicts of derived requirements (a derived view such as UK PSTI over EN 303 645; docs/assessment.md
 * "Derived verdicts"), from the verdicts of their sources in the same assessment. The {@code all-of} rule combines
 * like a TS 103 701 test case combines its units: a failing source fails it; it is not applicable only when every
 * source is not applicable; it passes when every source passes or does not apply (at least one passes); not assessed
 * when every source is not assessed; otherwise inconclusive. Its basis is the weakest basis of the sources that
 * carry its verdict (the failing ones for a fail, the passing ones for a pass), so a derived verdict is never more
 * favourable, nor better founded, than its sources. A conflict stays on the source verdict that has it (it is not
 * counted twice); the derived verdict's {@code derivedFrom} names the sources.
 */
public final class DerivedVerdicts {
    private DerivedVerdicts() {
    }

    /**
     * {@code verdicts} with the verdict of every derived requirement replaced by the one derived from its sources'
     * verdicts in the same list (a source that is missing counts as not assessed). Other verdicts are kept as they
     * are, in the same order.
     */
    public static List<Verdict> apply(Catalog catalog, List<Verdict> verdicts) {
        Map<String, Verdict> byKey = new LinkedHashMap<>();
        verdicts.forEach(v -> byKey.put(v.key(), v));
        List<Verdict> out = new ArrayList<>(verdicts.size());
        for (Verdict v : verdicts) {
            Requirement r = catalog.requirement(v.standard(), v.requirement()).orElse(null);
            out.add(r == null || !r.derived() ? v : derive(catalog, r, byKey));
        }
        return out;
    }

    /** The verdict of {@code r} (a derived requirement) from its sources' verdicts, keyed "standard:id". */
    public static Verdict derive(Catalog catalog, Requirement r, Map<String, Verdict> byKey) {
        Derivation d = r.derivation();
        List<DerivedSource> sources = new ArrayList<>();
        Set<String> findings = new LinkedHashSet<>();
        List<String> applicability = new ArrayList<>();
        for (Derivation.Source s : d.sources()) {
            Verdict v = byKey.get(s.key());
            if (v == null) {
                sources.add(new DerivedSource(s.standard(), s.id(), VerdictValue.NOT_ASSESSED, Basis.NONE));
                applicability.add(s.id() + " not assessed");
                continue;
            }
            sources.add(new DerivedSource(s.standard(), s.id(), v.verdict(), v.basis()));
            findings.addAll(v.findings());
            applicability.add(s.id() + " " + (v.applicable() == null ? Applicable.UNDETERMINED : v.applicable()).id());
        }
        Outcome o = combine(sources);
        String from = "derived from " + names(catalog, sources);
        String reason = sources.isEmpty() ? d.rationale() // "No mapped evidence: ..." (catalog field no-evidence)
                : from + " (" + d.rule() + "): " + o.why + "; " + String.join(", ", sources.stream()
                .map(s -> s.requirement() + " " + s.verdict().id() + (s.basis() == Basis.NONE ? "" : " (" + s.basis().id() + ")"))
                .toList());
        return new Verdict(r.standard(), r.id(), r.clause(), r.clauseTitle(), r.title(),
                r.status() == null ? null : r.status().id(), applicable(sources, byKey),
                "applies where its sources apply: " + String.join(", ", applicability), o.verdict, o.basis, reason,
                new ArrayList<>(findings), null, false, false, r.checks(),
                r.remediation() != null ? r.remediation() : "remedy its sources: " + from.substring("derived from ".length()),
                sources);
    }

    private record Outcome(VerdictValue verdict, Basis basis, String why) {
    }

    /** The all-of rule (the class comment); package-visible for the property test. */
    static Outcome combine(List<DerivedSource> sources) {
        if (sources.isEmpty()) { // derived-from: [] with no-evidence: nothing bears on it, so it is never decided
            return new Outcome(VerdictValue.NOT_ASSESSED, Basis.NONE, "no mapped evidence");
        }
        if (sources.stream().anyMatch(is(VerdictValue.FAIL))) {
            return new Outcome(VerdictValue.FAIL, weakest(sources, is(VerdictValue.FAIL)), "a source fails");
        }
        if (sources.stream().allMatch(is(VerdictValue.NOT_APPLICABLE))) {
            return new Outcome(VerdictValue.NOT_APPLICABLE, weakest(sources, s -> true), "no source applies");
        }
        if (sources.stream().allMatch(is(VerdictValue.PASS).or(is(VerdictValue.NOT_APPLICABLE)))) {
            return new Outcome(VerdictValue.PASS, weakest(sources, is(VerdictValue.PASS)),
                    "every source passes or does not apply");
        }
        if (sources.stream().allMatch(is(VerdictValue.NOT_ASSESSED))) {
            return new Outcome(VerdictValue.NOT_ASSESSED, Basis.NONE, "no source was assessed");
        }
        return new Outcome(VerdictValue.INCONCLUSIVE, Basis.NONE, "a source is undecided");
    }

    private static Predicate<DerivedSource> is(VerdictValue v) {
        return s -> s.verdict() == v;
    }

    /** The weakest basis among the sources {@code which} selects: verified > declared+consistent > declared > inferred > none. */
    private static Basis weakest(List<DerivedSource> sources, Predicate<DerivedSource> which) {
        Basis weakest = Basis.VERIFIED;
        for (DerivedSource s : sources) {
            if (which.test(s) && s.basis().ordinal() > weakest.ordinal()) {
                weakest = s.basis(); // Basis lists the strongest first
            }
        }
        return weakest;
    }

    /** Applies when a source applies; not when none does; undetermined otherwise. */
    private static Applicable applicable(List<DerivedSource> sources, Map<String, Verdict> byKey) {
        List<Applicable> as = sources.stream().map(s -> byKey.get(s.key()))
                .map(v -> v == null || v.applicable() == null ? Applicable.UNDETERMINED : v.applicable()).toList();
        if (as.contains(Applicable.YES)) {
            return Applicable.YES;
        }
        return !as.isEmpty() && as.stream().allMatch(a -> a == Applicable.NO) ? Applicable.NO : Applicable.UNDETERMINED;
    }

    /** "EN 303 645 5.1-1, 5.1-2": each source standard's short title, then its ids. */
    public static String names(Catalog catalog, List<DerivedSource> sources) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        sources.forEach(s -> by.computeIfAbsent(s.standard(), k -> new ArrayList<>()).add(s.requirement()));
        List<String> parts = new ArrayList<>();
        by.forEach((standard, ids) -> parts.add(catalog.standard(standard).map(Standard::shortTitle).orElse(standard)
                + " " + String.join(", ", ids)));
        return String.join("; ", parts);
    }
}
