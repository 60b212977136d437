package org.iotb.assess.testrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotb.assess.Basis;
import org.iotb.assess.VerdictValue;
import org.junit.jupiter.api.Test;

/** A lab's observation of a TS 103 701 unit decides it, and the case and group are combined again from it. */
class DecidedUnitsTest {
    private static UnitOutcome unit(String id, VerdictValue v, Basis b) {
        return new UnitOutcome(id, "functional", "UserInfo", "available", "text", v, b, "before", List.of(), null);
    }

    private static TestRecord record(UnitOutcome... units) {
        CaseOutcome c = new CaseOutcome("5.2-1-2", "functional", List.of("UserInfo"), VerdictValue.NOT_ASSESSED,
                Basis.NONE, "old", List.of(units));
        GroupOutcome g = new GroupOutcome("Test group 5.2-1", "5.2-1", "5.2-1", "t", VerdictValue.NOT_ASSESSED, Basis.NONE,
                List.of(c), null);
        return new TestRecord(TestRecord.SPECIFICATION, "src", Map.of(), List.of(g));
    }

    @Test
    void labPassesOnLabOnlyUnitsMakeTheCaseAndGroupAVerifiedPass() {
        TestRecord r = record(unit("5.2-1-2a", VerdictValue.NOT_ASSESSED, Basis.NONE),
                unit("5.2-1-2b", VerdictValue.NOT_ASSESSED, Basis.NONE));
        DecidedUnits.Decision pass = new DecidedUnits.Decision(VerdictValue.PASS, Basis.VERIFIED, "lab observation OBS-3");
        TestRecord out = DecidedUnits.apply(r, Map.of("5.2-1-2a", pass, "5.2-1-2b", pass));
        GroupOutcome g = out.groups().get(0);
        assertThat(g.verdict()).isEqualTo(VerdictValue.PASS);
        assertThat(g.basis()).isEqualTo(Basis.VERIFIED);
        assertThat(g.cases().get(0).units()).extracting(UnitOutcome::reason).containsOnly("lab observation OBS-3");
        assertThat(out.units()).containsEntry("pass", 2).containsEntry("not-assessed", 0);
    }

    @Test
    void aLabPassDoesNotUndoAUnitTheEvidenceFailed() {
        TestRecord r = record(unit("5.2-1-2a", VerdictValue.FAIL, Basis.VERIFIED));
        TestRecord out = DecidedUnits.apply(r, Map.of("5.2-1-2a",
                new DecidedUnits.Decision(VerdictValue.PASS, Basis.VERIFIED, "lab observation OBS-9")));
        UnitOutcome u = out.groups().get(0).cases().get(0).units().get(0);
        assertThat(u.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(u.reason()).isEqualTo("before; conflict: lab observation OBS-9");
        assertThat(out.groups().get(0).verdict()).isEqualTo(VerdictValue.FAIL);
    }

    @Test
    void unitsNobodyObservedKeepTheirOutcome() {
        TestRecord r = record(unit("5.2-1-2a", VerdictValue.INCONCLUSIVE, Basis.NONE));
        assertThat(DecidedUnits.apply(r, Map.of())).isSameAs(r);
        TestRecord out = DecidedUnits.apply(r, Map.of("9.9-9-9z",
                new DecidedUnits.Decision(VerdictValue.FAIL, Basis.VERIFIED, "elsewhere")));
        assertThat(out.groups().get(0).cases().get(0).units().get(0).verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
    }
}
