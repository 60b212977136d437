package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.iotb.assess.Assessment;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;

class DiffReportTest {
    private static final Assessment V1 = SampleAssessments.v1();
    private static final Assessment V2 = SampleAssessments.v2();

    @Test
    void listsExactlyTheChangedVerdicts() {
        DiffReport.Diff d = DiffReport.compare(V1, V2);
        Set<String> expected = new HashSet<>();
        for (Verdict old : V1.verdicts()) {
            Verdict neu = V2.verdict(old.standard(), old.requirement()).orElseThrow();
            if (old.verdict() != neu.verdict()) {
                expected.add(old.key());
            }
        }
        Set<String> listed = new HashSet<>();
        for (DiffReport.StandardDiff s : d.standards()) {
            for (var list : java.util.List.of(s.fixed(), s.broke(), s.other())) {
                list.forEach(c -> listed.add(s.standard() + ":" + c.requirement()));
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(listed).isEqualTo(expected);
        assertThat(d.changes()).isEqualTo(expected.size());
    }

    @Test
    void telnetRemovalIsFixedAndUnsignedUpdatesBroke() {
        DiffReport.StandardDiff en = DiffReport.compare(V1, V2).standards().stream()
                .filter(s -> s.standard().equals("etsi-en-303-645")).findFirst().orElseThrow();
        assertThat(en.broke()).extracting(DiffReport.Change::requirement).contains("5.3-9");
        assertThat(en.broke()).allSatisfy(c -> assertThat(c.to()).isEqualTo(VerdictValue.FAIL));
        assertThat(en.fixed()).allSatisfy(c -> {
            assertThat(c.from()).isEqualTo(VerdictValue.FAIL);
            assertThat(c.to()).isEqualTo(VerdictValue.PASS);
        });
        assertThat(en.other()).extracting(DiffReport.Change::requirement).contains("5.6-1");
        assertThat(DiffReport.compare(V1, V2).broke()).isTrue();
    }

    @Test
    void aFailThatVanishesBecauseItsCheckDidNotRunIsNotFixed() {
        Assessment v1 = SampleAssessments.v1();
        // the same product assessed again without the device: net.svc.telnet cannot run
        java.util.List<org.iotb.assess.AssessedFinding> fs = v1.findings().stream()
                .filter(f -> !f.check().equals("net.svc.telnet")).toList();
        java.util.List<Verdict> vs = new java.util.ArrayList<>(v1.verdicts());
        Verdict old = v1.verdict("etsi-en-303-645", "5.5-7").orElseThrow();
        assertThat(old.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(old.findings()).contains("net.svc.telnet"); // beside fw.svc.telnet, which the catalog maps to 5.5-7 too
        vs.set(vs.indexOf(old), new Verdict(old.standard(), old.requirement(), old.clause(), old.clauseTitle(), old.title(),
                old.status(), old.applicable(), old.applicabilityReason(), VerdictValue.PASS, org.iotb.assess.Basis.DECLARED,
                "declared; not verifiable",
                java.util.List.of(), null, false, old.automated(), old.checks(), old.remediation()));
        Assessment v1b = new Assessment(v1.schemaVersion(), v1.tool(), v1.createdAt(), v1.product(), v1.inputs(), v1.profile(),
                v1.levels(), fs, vs, v1.summary(), v1.conformance(), v1.images(), v1.timings(), v1.warnings());
        DiffReport.StandardDiff en = DiffReport.compare(v1, v1b).standards().get(0);
        assertThat(en.fixed()).isEmpty();
        assertThat(en.other()).singleElement().satisfies(c -> assertThat(c.note()).contains("not re-tested: net.svc.telnet"));
    }

    @Test
    void sameAssessmentHasNoChangesAndRendersTextAndJson() throws Exception {
        DiffReport.Diff same = DiffReport.compare(V1, V1);
        assertThat(same.changes()).isZero();
        assertThat(same.broke()).isFalse();
        assertThat(DiffReport.text(same)).contains("no verdict changed");
        DiffReport.Diff d = DiffReport.compare(V1, V2);
        String text = DiffReport.text(d);
        assertThat(text).contains("broke  5.3-9 not-assessed -> fail");
        assertThat(Json.mapper().readTree(DiffReport.json(d)).get("standards")).hasSize(3);
    }
}
