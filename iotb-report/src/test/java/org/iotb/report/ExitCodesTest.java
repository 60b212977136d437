package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.iotb.assess.Applicable;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    private static Assessment with(List<Verdict> verdicts) {
        Assessment a = SampleAssessments.v1();
        return new Assessment(a.schemaVersion(), a.tool(), a.createdAt(), a.product(), a.inputs(), a.profile(),
                a.levels(), a.findings(), verdicts, a.summary(), a.conformance(), a.images(), a.timings(), a.warnings());
    }

    @Test
    void mandatoryFailureFailsByDefault() {
        Assessment a = SampleAssessments.v1();
        assertThat(a.verdicts()).anyMatch(v -> v.verdict() == VerdictValue.FAIL && v.mandatory());
        assertThat(ExitCodes.of(a, ExitCodes.FailOn.MANDATORY)).isEqualTo(1);
        assertThat(ExitCodes.of(a, ExitCodes.FailOn.NONE)).isEqualTo(0);
    }

    @Test
    void recommendedFailureCountsOnlyWithFailOnAny() {
        Assessment a = SampleAssessments.v1();
        List<Verdict> onlyRecommendedFails = a.verdicts().stream()
                .filter(v -> v.verdict() != VerdictValue.FAIL || !v.mandatory()).toList();
        Assessment b = with(onlyRecommendedFails);
        boolean anyRecommendedFail = onlyRecommendedFails.stream().anyMatch(v -> v.verdict() == VerdictValue.FAIL);
        assertThat(ExitCodes.of(b, ExitCodes.FailOn.MANDATORY)).isEqualTo(0);
        assertThat(ExitCodes.of(b, ExitCodes.FailOn.ANY)).isEqualTo(anyRecommendedFail ? 1 : 0);
        assertThat(ExitCodes.of(with(List.of()), ExitCodes.FailOn.ANY)).isEqualTo(0);
    }

    @Test
    void parsesLevels() {
        assertThat(ExitCodes.FailOn.parse("Any")).isEqualTo(ExitCodes.FailOn.ANY);
        assertThatThrownBy(() -> ExitCodes.FailOn.parse("some")).hasMessageContaining("mandatory, any or none");
    }

    @Test
    void failOnUnverifiedFailsWhenAMandatoryPassRestsOnADeclarationAlone() {
        Verdict pass = new Verdict("etsi-en-303-645", "5.1-1", "5.1", "c", "t", "mandatory", Applicable.YES, "",
                VerdictValue.PASS, Basis.DECLARED, "declared", List.of(), null, false, false, List.of(), null);
        Verdict examined = new Verdict("etsi-en-303-645", "5.1-2", "5.1", "c", "t", "mandatory", Applicable.YES, "",
                VerdictValue.PASS, Basis.DECLARED_CONSISTENT, "declared; checks found nothing", List.of(), null, false,
                false, List.of(), null);
        Verdict recommended = new Verdict("etsi-en-303-645", "5.1-3", "5.1", "c", "t", "recommended", Applicable.YES, "",
                VerdictValue.PASS, Basis.DECLARED, "declared", List.of(), null, false, false, List.of(), null);
        assertThat(ExitCodes.of(with(List.of(pass)), ExitCodes.FailOn.UNVERIFIED)).isEqualTo(1);
        assertThat(ExitCodes.of(with(List.of(pass)), ExitCodes.FailOn.MANDATORY)).isEqualTo(0);
        assertThat(ExitCodes.of(with(List.of(examined, recommended)), ExitCodes.FailOn.UNVERIFIED)).isEqualTo(0);
        assertThat(ExitCodes.of(SampleAssessments.v1(), ExitCodes.FailOn.UNVERIFIED)).isEqualTo(1); // mandatory fails count too
        assertThat(ExitCodes.FailOn.parse("unverified")).isEqualTo(ExitCodes.FailOn.UNVERIFIED);
    }
}
