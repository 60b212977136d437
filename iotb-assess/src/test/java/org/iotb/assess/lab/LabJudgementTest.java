package org.iotb.assess.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.iotb.assess.Applicable;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessmentInput;
import org.iotb.assess.Assessor;
import org.iotb.assess.Basis;
import org.iotb.assess.DeclarationRef;
import org.iotb.assess.Fixtures;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabJudgementTest {
    private static Verdict verdict(VerdictValue value, Basis basis, DeclarationRef d, Applicable applicable) {
        return new Verdict("std-a", "5.1-1", "5.1", "c", "t", "mandatory", applicable, "", value, basis, "earlier reason",
                List.of(), d, false, true, List.of("fw.cred.*"), null);
    }

    private static LabObservation obs(LabResult r) {
        return new LabObservation("OBS-1", "std-a:5.1-1", "S1", null, "tried the label password", r, List.of(), List.of());
    }

    @Test
    void aLabFailOutranksADeclaredYesAndIsAVerifiedConflict() {
        Verdict v = verdict(VerdictValue.PASS, Basis.DECLARED, new DeclarationRef("Y", null, null), Applicable.YES);
        Verdict j = LabJudgement.judge(v, List.of(obs(LabResult.FAIL)), List.of());
        assertThat(j.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(j.basis()).isEqualTo(Basis.VERIFIED);
        assertThat(j.conflict()).isTrue();
        assertThat(j.reason()).startsWith("conflict: declared Y, but lab observation OBS-1 failed (unit S1): tried the label password");
    }

    @Test
    void aLabPassIsAVerifiedPassWhenNoCheckFails() {
        Verdict v = verdict(VerdictValue.INCONCLUSIVE, Basis.NONE, null, Applicable.YES);
        Verdict j = LabJudgement.judge(v, List.of(obs(LabResult.PASS)),
                List.of(Fixtures.af("fw.cred.shadow", Outcome.PASS, "fine")));
        assertThat(j.verdict()).isEqualTo(VerdictValue.PASS);
        assertThat(j.basis()).isEqualTo(Basis.VERIFIED);
        assertThat(j.conflict()).isFalse();
        assertThat(j.reason()).startsWith("lab observation OBS-1 passed (unit S1)");
    }

    @Test
    void aLabPassAgainstAFailingCheckStaysFailAndIsAConflict() {
        Verdict v = verdict(VerdictValue.FAIL, Basis.VERIFIED, null, Applicable.YES);
        Verdict j = LabJudgement.judge(v, List.of(obs(LabResult.PASS)),
                List.of(Fixtures.af("fw.cred.shadow", Outcome.FAIL, "root:admin")));
        assertThat(j.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(j.conflict()).isTrue();
        assertThat(j.reason()).isEqualTo("conflict: earlier reason; although lab observation OBS-1 passed (unit S1): tried the label password");
    }

    @Test
    void inconclusiveObservationsAndInapplicableRequirementsKeepTheVerdict() {
        Verdict v = verdict(VerdictValue.NOT_ASSESSED, Basis.NONE, null, Applicable.YES);
        Verdict j = LabJudgement.judge(v, List.of(obs(LabResult.INCONCLUSIVE)), List.of());
        assertThat(j.verdict()).isEqualTo(VerdictValue.NOT_ASSESSED);
        assertThat(j.reason()).endsWith("; lab observation OBS-1 was inconclusive (unit S1): tried the label password");
        Verdict na = verdict(VerdictValue.NOT_APPLICABLE, Basis.INFERRED, null, Applicable.NO);
        Verdict k = LabJudgement.judge(na, List.of(obs(LabResult.FAIL)), List.of());
        assertThat(k.verdict()).isEqualTo(VerdictValue.NOT_APPLICABLE);
        assertThat(k.reason()).contains("was not counted");
    }

    @Test
    void anObservationBearsOnItsCrosswalkTwinsAndTheTotalsFollow(@TempDir Path dir) throws Exception {
        Catalog catalog = Catalog.load();
        Assessment a = new Assessor().assess(AssessmentInput.of(catalog,
                new Profile(new Profile.Product("Lock", "L1", "Acme", "1.0"), null, null, null, null, null), null,
                List.of(), List.of()));
        String en = "etsi-en-303-645:5.2-1";
        List<String> twins = catalog.crosswalk().equivalents(en);
        assertThat(twins).isNotEmpty();
        LabRecord lab = new LabRecord(new LabRecord.Laboratory("Test House", null), "Acme", "TH-1", null, null, "A",
                "B", null, List.of(new LabObservation("OBS-1", en, null, null, "asked for the policy; none published",
                LabResult.FAIL, List.of(), List.of())));
        Assessment judged = LabJudgement.apply(a, lab, catalog);
        Verdict v = judged.verdict("etsi-en-303-645", "5.2-1").orElseThrow();
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(v.basis()).isEqualTo(Basis.VERIFIED);
        String twin = twins.get(0);
        assertThat(judged.verdict(twin.substring(0, twin.indexOf(':')), twin.substring(twin.indexOf(':') + 1))
                .orElseThrow().verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(judged.lab().observations().get(0).verdicts()).contains(en, twin);
        assertThat(judged.summary().get(0).mandatoryFailures()).contains("5.2-1");
        assertThat(a.summary().get(0).mandatoryFailures()).doesNotContain("5.2-1");
        // the lab object survives the JSON, and an assessment without one writes no "lab" key
        Path f = dir.resolve("a.json");
        judged.write(f);
        assertThat(Assessment.read(f).lab()).isEqualTo(judged.lab());
        assertThat(a.toJson()).doesNotContain("\"lab\"");
    }

    @Test
    void anObservationNamingATestUnitDecidesThatUnitAndAFailIsNotUndone() {
        LabObservation pass = new LabObservation("OBS-3", "std-a:5.2-1", null, "5.2-1-2a", "read the policy",
                LabResult.PASS, List.of(), List.of());
        LabObservation fail = new LabObservation("OBS-4", "std-a:5.2-1", null, "5.2-1-2b", "no contact given",
                LabResult.FAIL, List.of(), List.of());
        LabObservation laterPass = new LabObservation("OBS-5", "std-a:5.2-1", null, "5.2-1-2b", "asked again",
                LabResult.PASS, List.of(), List.of());
        LabObservation info = new LabObservation("OBS-6", "std-a:5.2-1", null, "5.2-1-1a", "noted", LabResult.INFO,
                List.of(), List.of());
        LabRecord lab = new LabRecord(null, null, null, null, null, null, null, null,
                List.of(pass, fail, laterPass, info));
        var decided = LabJudgement.unitDecisions(lab);
        assertThat(decided).containsOnlyKeys("5.2-1-2a", "5.2-1-2b");
        assertThat(decided.get("5.2-1-2a").verdict()).isEqualTo(VerdictValue.PASS);
        assertThat(decided.get("5.2-1-2a").basis()).isEqualTo(Basis.VERIFIED);
        assertThat(decided.get("5.2-1-2b").verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(decided.get("5.2-1-2b").reason()).startsWith("lab observation OBS-4 (fail)");
    }
}
