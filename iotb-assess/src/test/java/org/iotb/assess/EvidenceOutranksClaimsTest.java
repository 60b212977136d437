package org.iotb.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.Support;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.Finding;
import org.iotb.model.Severity;
import org.iotb.model.facts.AccountFact;
import org.iotb.model.facts.SystemFacts;
import org.junit.jupiter.api.Test;

/** Profile claims against firmware observations in the {@link Assessor} (docs/assessment.md, "Claims and observations"). */
class EvidenceOutranksClaimsTest {
    private static final Catalog CATALOG = Fixtures.catalog(
            Fixtures.conditional("5.1-1", 1, List.of("fw.cred.default-password")),
            Fixtures.ifAny("4.4.1", "interface:zigbee", List.of("fw.zigbee.default-tclk")),
            Fixtures.req("5.2-1", false, List.of()));

    private static final SystemFacts ROOT_WITH_HASH = new SystemFacts(null, List.of(),
            List.of(new AccountFact("root", "etc/shadow", 1, AccountFact.Password.HASH, "md5", "/bin/sh", 0)), List.of(),
            null, null);

    private static Assessment assess(Profile profile, Declarations declarations) {
        List<Finding> findings = List.of(
                Finding.fail("fw.cred.default-password", Severity.HIGH, "root has the default password 'admin'", List.of()),
                Finding.fail("fw.zigbee.default-tclk", Severity.HIGH, "ZigBeeAlliance09 in usr/lib/libzb.so", List.of()));
        return new Assessor().assess(AssessmentInput.of(CATALOG, profile, declarations,
                List.of(new SourceFindings("fw.bin", InputKind.FIRMWARE, findings, ROOT_WITH_HASH)), List.of()));
    }

    private static Profile profile(Map<String, Boolean> device, List<String> interfaces) {
        return new Profile(null, device, null, interfaces, null, null);
    }

    @Test
    void aContradictedPasswordsClaimCannotMakeTheRequirementNotApplicable() {
        Declarations yes = new Declarations(Map.of("std-a", Map.of("5.1-1", new Declaration(Support.Y, "unique", List.of()))));
        Assessment a = assess(profile(Map.of("passwords", false), List.of("wifi")), yes);
        Verdict v = a.verdict("std-a", "5.1-1").orElseThrow();
        assertThat(v.applicable()).isEqualTo(Applicable.YES);
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(v.conflict()).isTrue();
        assertThat(v.reason()).startsWith("conflict: profile says device.passwords is false but the image holds password hashes")
                .contains("fw.cred.default-password failed");
        assertThat(a.profile().contradictions()).extracting(Contradiction::key).contains("device.passwords");
        // the record of what the profile said is kept; the effective profile follows the evidence
        assertThat(a.profile().declared().get("device")).isEqualTo(Map.of("passwords", false));
    }

    @Test
    void anHonestProfileGetsTheSameVerdictWithoutConflict() {
        Verdict v = assess(profile(Map.of("passwords", true), List.of("wifi", "zigbee")), Declarations.NONE)
                .verdict("std-a", "5.1-1").orElseThrow();
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(v.conflict()).isFalse();
    }

    @Test
    void leavingZigbeeOutPaysNoMoreThanSayingUnknown() {
        Verdict omitted = assess(profile(Map.of(), List.of("wifi")), Declarations.NONE).verdict("std-a", "4.4.1").orElseThrow();
        Verdict unknown = assess(profile(Map.of(), null), Declarations.NONE).verdict("std-a", "4.4.1").orElseThrow();
        assertThat(omitted.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(omitted.conflict()).isTrue();
        assertThat(omitted.reason()).contains("profile does not list zigbee in interfaces")
                .contains("Zigbee default trust-centre link key");
        assertThat(unknown.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(unknown.conflict()).isFalse(); // unknown is not a lie: the evidence fills the gap
    }

    @Test
    void standardsCanBeSelectedAndUnknownOnesAreNamed() {
        Assessment all = assess(profile(Map.of(), null), Declarations.NONE);
        assertThat(new Assessor().assess(AssessmentInput.of(CATALOG, profile(Map.of(), null), null, List.of(), List.of()),
                List.of("std-a")).verdicts()).hasSize(all.verdicts().size());
        assertThatThrownBy(() -> new Assessor().assess(AssessmentInput.of(CATALOG, profile(Map.of(), null), null,
                List.of(), List.of()), List.of("std-b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std-b").hasMessageContaining("valid: std-a");
    }
}
