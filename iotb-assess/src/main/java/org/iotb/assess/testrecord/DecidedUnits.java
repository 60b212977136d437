package org.iotb.assess.testrecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Basis;
import org.iotb.assess.VerdictValue;

/**
 * Test units decided after the fact, by a test lab's own observation of that unit (a unit only a lab can test, or one
 * the lab re-tested), and the record recombined from them: cases from their units, groups from their cases, the unit
 * counts again. The evidence already in a unit keeps its weight: a failed unit stays failed when the lab reports a pass
 * (the reason names the disagreement); a lab's fail always stands.
 */
public final class DecidedUnits {
    private DecidedUnits() {
    }

    /** One unit's decision: the verdict, what it rests on and why. */
    public record Decision(VerdictValue verdict, Basis basis, String reason) {
    }

    /** The record with the units named in {@code byUnit} decided, or the record itself when none of them is in it. */
    public static TestRecord apply(TestRecord record, Map<String, Decision> byUnit) {
        if (record == null || byUnit.isEmpty()) {
            return record;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (VerdictValue value : VerdictValue.values()) {
            counts.put(value.id(), 0);
        }
        List<GroupOutcome> groups = new ArrayList<>();
        for (GroupOutcome g : record.groups()) {
            List<CaseOutcome> cases = new ArrayList<>();
            for (CaseOutcome c : g.cases()) {
                List<UnitOutcome> units = new ArrayList<>();
                for (UnitOutcome u : c.units()) {
                    Decision d = byUnit.get(u.unit());
                    UnitOutcome out = d == null ? u : decided(u, d);
                    counts.merge(out.verdict().id(), 1, Integer::sum);
                    units.add(out);
                }
                Outcomes.Combined cc = Outcomes.combine(units.stream().map(UnitOutcome::verdict).toList(),
                        units.stream().map(UnitOutcome::basis).toList(), "test units");
                cases.add(new CaseOutcome(c.id(), c.kind(), c.ixitTables(), cc.verdict(), cc.basis(), cc.reason(), units));
            }
            Outcomes.Combined gc = Outcomes.combine(cases.stream().map(CaseOutcome::verdict).toList(),
                    cases.stream().map(CaseOutcome::basis).toList(), "test cases");
            groups.add(new GroupOutcome(g.group(), g.provision(), g.requirement(), g.title(), gc.verdict(), gc.basis(),
                    cases, g.note()));
        }
        return new TestRecord(record.specification(), record.source(), counts, groups);
    }

    private static UnitOutcome decided(UnitOutcome u, Decision d) {
        if (u.verdict() == VerdictValue.FAIL && d.verdict() != VerdictValue.FAIL) {
            // the evidence that failed the unit still stands; the lab's word is recorded next to it
            return new UnitOutcome(u.unit(), u.kind(), u.ixit(), u.method(), u.text(), u.verdict(), u.basis(),
                    u.reason() + "; conflict: " + d.reason(), u.findings(), u.refersTo());
        }
        return new UnitOutcome(u.unit(), u.kind(), u.ixit(), u.method(), u.text(), d.verdict(), d.basis(), d.reason(),
                u.findings(), u.refersTo());
    }
}
