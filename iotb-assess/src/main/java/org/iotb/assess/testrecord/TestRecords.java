package org.iotb.assess.testrecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Basis;
import org.iotb.assess.CheckIds;
import org.iotb.assess.Examination;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.assess.verdict.Circumstances;
import org.iotb.assess.verdict.VerdictEngine;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.testspec.TestCase;
import org.iotb.catalog.testspec.TestGroup;
import org.iotb.catalog.testspec.TestSpecification;
import org.iotb.catalog.testspec.TestUnit;

/**
 * Lays one standard's verdicts out as a TS 103 701 record ({@link TestRecord}). Each test unit is decided by the
 * same {@link VerdictEngine} as a requirement, on the unit's own evidence (catalog: ts-103-701.yaml): the
 * requirement's applicability always; its declaration when the unit rests on the manufacturer's answer (conceptual
 * units); the findings of the unit's checks; a pass from checks alone only where the unit's checks settle it. A
 * unit only a lab can decide is not assessed; a cross-reference takes the outcome of the test case it names. Cases
 * and groups combine their parts ({@link Outcomes}). Pure.
 */
public final class TestRecords {
    private final VerdictEngine engine = new VerdictEngine();
    private final Catalog catalog;
    private final TestSpecification spec;

    public TestRecords(Catalog catalog, TestSpecification spec) {
        this.catalog = catalog;
        this.spec = spec;
    }

    /**
     * The record of the standard these verdicts belong to, or null when none of its requirements has a test group.
     *
     * @param verdicts the verdicts of one standard, in catalog order
     * @param findings every finding of the assessment
     * @param examinations how far each input could be examined (missing: fully)
     */
    public TestRecord of(List<Verdict> verdicts, List<AssessedFinding> findings, Map<String, Examination> examinations) {
        Circumstances circumstances = new Circumstances(List.of(), examinations);
        Map<String, List<UnitOutcome>> unitsByCase = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>(); // verdict, requirement, group
        for (Verdict v : verdicts) {
            Requirement r = catalog.requirement(v.standard(), v.requirement()).orElse(null);
            TestGroup g = r == null ? null : spec.groupFor(catalog, r).orElse(null);
            if (g == null) {
                continue;
            }
            rows.add(new Object[] {v, r, g});
            for (TestCase c : g.cases()) {
                List<UnitOutcome> units = new ArrayList<>();
                for (TestUnit u : c.units()) {
                    units.add(u.crossReference() ? null : decide(u, r, v, findings, circumstances));
                }
                unitsByCase.put(c.id(), units);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        // cross-references take the outcome of the case they name (cases without cross-references, in tcsfw's data)
        Map<String, CaseOutcome> plain = new LinkedHashMap<>();
        for (Object[] row : rows) {
            for (TestCase c : ((TestGroup) row[2]).cases()) {
                if (c.units().stream().noneMatch(TestUnit::crossReference)) {
                    plain.put(c.id(), caseOutcome(c, unitsByCase.get(c.id())));
                }
            }
        }
        List<GroupOutcome> groups = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (VerdictValue value : VerdictValue.values()) {
            counts.put(value.id(), 0);
        }
        for (Object[] row : rows) {
            Verdict v = (Verdict) row[0];
            Requirement r = (Requirement) row[1];
            TestGroup g = (TestGroup) row[2];
            List<CaseOutcome> cases = new ArrayList<>();
            for (TestCase c : g.cases()) {
                CaseOutcome done = plain.get(c.id());
                if (done == null) {
                    List<UnitOutcome> units = new ArrayList<>(unitsByCase.get(c.id()));
                    for (int i = 0; i < units.size(); i++) {
                        if (units.get(i) == null) {
                            units.set(i, referred(c.units().get(i), r, v, plain.get(c.units().get(i).refersTo()), findings, circumstances));
                        }
                    }
                    done = caseOutcome(c, units);
                }
                done.units().forEach(u -> counts.merge(u.verdict().id(), 1, Integer::sum));
                cases.add(done);
            }
            Outcomes.Combined combined = Outcomes.combine(cases.stream().map(CaseOutcome::verdict).toList(),
                    cases.stream().map(CaseOutcome::basis).toList(), "test cases");
            groups.add(new GroupOutcome(g.group(), g.provision(), r.id(), r.title(), combined.verdict(),
                    combined.basis(), cases, g.note()));
        }
        return new TestRecord(TestRecord.SPECIFICATION, spec.source(), counts, groups);
    }

    private CaseOutcome caseOutcome(TestCase c, List<UnitOutcome> units) {
        Outcomes.Combined combined = Outcomes.combine(units.stream().map(UnitOutcome::verdict).toList(),
                units.stream().map(UnitOutcome::basis).toList(), "test units");
        return new CaseOutcome(c.id(), c.kind(), c.ixitTables().stream().map(this::ixitRef).toList(), combined.verdict(),
                combined.basis(), combined.reason(), units);
    }

    /** An IXIT table as labs write it ("1-AuthMech"), so the record reads without the catalog. */
    private String ixitRef(String tableId) {
        return spec.table(tableId).map(org.iotb.catalog.testspec.IxitTable::ref).orElse(tableId);
    }

    /** One unit by the verdict rules, on the unit's evidence. */
    private UnitOutcome decide(TestUnit u, Requirement r, Verdict v, List<AssessedFinding> findings,
                               Circumstances circumstances) {
        List<String> checks = u.evidence().checks();
        Requirement asUnit = new Requirement(r.standard(), u.id(), r.clause(), r.clauseTitle(), r.title(), null,
                r.status(), r.conditions(), r.levels(), r.appliesIfAny(), checks, u.evidence().settles(), null,
                r.remediation(), null);
        List<AssessedFinding> relevant = checks.isEmpty() ? List.of()
                : findings.stream().filter(f -> CheckIds.matchesAny(checks, f.check())).toList();
        Verdict decided = engine.decide(asUnit, v.applicable(), v.applicabilityReason(),
                u.evidence().declaration() ? v.declaration() : null, relevant, circumstances);
        String reason = decided.reason();
        if (decided.verdict() == VerdictValue.NOT_ASSESSED && u.evidence().lab() && checks.isEmpty()) {
            reason = "a lab test decides it (" + u.method() + "); no automated evidence covers it";
        } else if (!u.evidence().declaration()) {
            // a functional unit is never decided by the manufacturer's word: what is missing is a test, not a claim
            reason = reason.replace("a declaration is needed", "a lab test is needed")
                    .replace("; review them and declare", "; review them")
                    .replace(" and no declaration was given", "");
        }
        return new UnitOutcome(u.id(), u.kind(), ixitRef(u.ixit()), u.method(), u.text(), decided.verdict(), decided.basis(),
                reason, decided.findings(), null);
    }

    /** A cross-reference: the outcome of the case it names, where this requirement applies. */
    private UnitOutcome referred(TestUnit u, Requirement r, Verdict v, CaseOutcome target, List<AssessedFinding> findings,
                                 Circumstances circumstances) {
        if (target == null || v.verdict() == VerdictValue.NOT_APPLICABLE
                || v.applicable() != org.iotb.assess.Applicable.YES) {
            UnitOutcome own = decide(new TestUnit(u.id(), u.kind(), u.ixit(), u.method(), null, u.text(),
                    new org.iotb.catalog.testspec.UnitEvidence(false, List.of(), false, true)), r, v, findings, circumstances);
            String reason = target == null && own.verdict() == VerdictValue.NOT_ASSESSED
                    ? "refers to test case " + u.refersTo() + ", which this record does not hold" : own.reason();
            return new UnitOutcome(u.id(), u.kind(), ixitRef(u.ixit()), u.method(), u.text(), own.verdict(), own.basis(), reason,
                    List.of(), u.refersTo());
        }
        List<String> behind = new ArrayList<>();
        target.units().forEach(x -> x.findings().forEach(f -> {
            if (!behind.contains(f)) {
                behind.add(f);
            }
        }));
        return new UnitOutcome(u.id(), u.kind(), ixitRef(u.ixit()), u.method(), u.text(), target.verdict(), target.basis(),
                "as test case " + u.refersTo() + ": " + target.reason(), behind, u.refersTo());
    }

    /** Convenience: a record from the bundled specification. */
    public static TestRecord bundled(Catalog catalog, List<Verdict> verdicts, List<AssessedFinding> findings,
                                     Map<String, Examination> examinations) {
        return new TestRecords(catalog, TestSpecification.load()).of(verdicts, findings, examinations);
    }
}
