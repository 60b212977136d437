package org.iotb.assess.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotb.assess.Fixtures.af;
import static org.iotb.assess.Fixtures.req;

import java.util.List;
import java.util.Map;
import org.iotb.assess.Applicable;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Basis;
import org.iotb.assess.DeclarationRef;
import org.iotb.assess.Examination;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Requirement;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;

/** One test per rule of docs/assessment.md, in the order the engine tries them. */
class VerdictEngineTest {
    private final VerdictEngine engine = new VerdictEngine();
    private static final Requirement AUTOMATED = req("5.3-1", true, List.of("fw.svc.telnet", "net.telnet.open"));
    private static final Requirement MANUAL = req("5.2-1", false, List.of("fw.vdp.security-txt"));
    private static final Requirement NO_CHECKS = req("5.2-2", false, List.of());
    private static final DeclarationRef YES = new DeclarationRef("Y", "we do", null);
    private static final DeclarationRef NO = new DeclarationRef("N", "not yet", null);
    private static final DeclarationRef NA = new DeclarationRef("NA", "no such thing", null);

    private Verdict decide(Requirement r, Applicable a, DeclarationRef d, AssessedFinding... fs) {
        return engine.decide(r, a, "because of the profile", d, List.of(fs));
    }

    @Test
    void r1NotApplicableUsesTheApplicabilityReason() {
        Verdict v = decide(AUTOMATED, Applicable.NO, null, af("fw.svc.telnet", Outcome.FAIL, "telnetd"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.NOT_APPLICABLE);
        assertThat(v.reason()).contains("because of the profile").contains("fw.svc.telnet");
    }

    @Test
    void r2UndeterminedIsInconclusiveAndNamesTheMissingFact() {
        Verdict v = decide(AUTOMATED, Applicable.UNDETERMINED, YES, af("fw.svc.telnet", Outcome.PASS, "none"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        assertThat(v.reason()).startsWith("applicability undetermined").contains("because of the profile");
    }

    @Test
    void r3AutomatedFailFailsAndAlone() {
        Verdict v = decide(AUTOMATED, Applicable.YES, null, af("fw.svc.telnet", Outcome.FAIL, "telnetd started in etc/inittab"),
                af("net.telnet.open", Outcome.PASS, "port 23 closed"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(v.conflict()).isFalse();
        assertThat(v.reason()).contains("fw.svc.telnet").contains("telnetd started");
        assertThat(v.findings()).containsExactly("fw.svc.telnet");
    }

    @Test
    void r3FailOverridesDeclaredYesAndShowsTheConflict() {
        Verdict v = decide(MANUAL, Applicable.YES, YES, af("fw.vdp.security-txt", Outcome.FAIL, "no policy"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(v.conflict()).isTrue();
        assertThat(v.reason()).contains("declared Y").contains("fw.vdp.security-txt failed");
        assertThat(v.declaration()).isEqualTo(YES);
    }

    @Test
    void r3FailOverridesDeclaredNotApplicable() {
        Verdict v = decide(MANUAL, Applicable.YES, NA, af("fw.vdp.security-txt", Outcome.FAIL, "no policy"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(v.conflict()).isTrue();
    }

    @Test
    void r4DeclaredNotApplicableOnApplicableRequirementIsInconclusiveConflict() {
        Verdict v = decide(AUTOMATED, Applicable.YES, NA, af("fw.svc.telnet", Outcome.PASS, "no telnet"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        assertThat(v.conflict()).isTrue();
        assertThat(v.reason()).contains("declared not applicable");
    }

    @Test
    void r5DeclaredNoFails() {
        Verdict v = decide(MANUAL, Applicable.YES, NO);
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(v.conflict()).isFalse();
        assertThat(v.reason()).contains("declared not supported").contains("not yet");
    }

    @Test
    void r5DeclaredNoAgainstAutomatedPassIsAConflict() {
        Verdict v = decide(AUTOMATED, Applicable.YES, NO, af("fw.svc.telnet", Outcome.PASS, "no telnet"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(v.conflict()).isTrue();
    }

    @Test
    void r6AutomatedPassWithoutDeclaration() {
        Verdict v = decide(AUTOMATED, Applicable.YES, null, af("fw.svc.telnet", Outcome.PASS, "looked at etc/inittab"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.PASS);
        assertThat(v.reason()).contains("fw.svc.telnet passed").contains("etc/inittab");
    }

    @Test
    void r6NamesChecksThatDidNotRun() {
        Verdict v = decide(AUTOMATED, Applicable.YES, null, af("fw.svc.telnet", Outcome.PASS, "looked at etc/inittab"),
                af("net.telnet.open", Outcome.NOT_RUN, "no device given"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.PASS);
        assertThat(v.reason()).endsWith("did not run: net.telnet.open");
    }

    @Test
    void r6AutomatedPassIsBlockedByAnError() {
        Verdict v = decide(AUTOMATED, Applicable.YES, null, af("fw.svc.telnet", Outcome.PASS, "ok"),
                af("net.telnet.open", Outcome.ERROR, "connection reset"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        assertThat(v.reason()).contains("net.telnet.open").contains("connection reset");
    }

    @Test
    void r7DeclaredYesWithoutContraryEvidencePasses() {
        Verdict v = decide(MANUAL, Applicable.YES, YES, af("fw.vdp.security-txt", Outcome.PASS, "found"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.PASS);
        assertThat(v.reason()).startsWith("declared; automated checks fw.vdp.security-txt found no contradiction");
    }

    @Test
    void r7DeclaredYesWithNoChecksSaysNotVerifiable() {
        Verdict v = decide(NO_CHECKS, Applicable.YES, YES);
        assertThat(v.verdict()).isEqualTo(VerdictValue.PASS);
        assertThat(v.reason()).startsWith("declared; not verifiable automatically");
    }

    @Test
    void r8PassOfNonAutomatedChecksNeedsADeclaration() {
        Verdict v = decide(MANUAL, Applicable.YES, null, af("fw.vdp.security-txt", Outcome.PASS, "found"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        assertThat(v.reason()).contains("a declaration is needed");
    }

    @Test
    void r8WarningsAloneAreInconclusive() {
        Verdict v = decide(AUTOMATED, Applicable.YES, null, af("fw.svc.telnet", Outcome.WARNING, "maybe"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
    }

    @Test
    void r9NothingRanAndNoDeclarationIsNotAssessed() {
        Verdict v = decide(AUTOMATED, Applicable.YES, null, af("fw.svc.telnet", Outcome.NOT_RUN, "no init system found"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.NOT_ASSESSED);
        assertThat(v.reason()).contains("no init system found");
        assertThat(decide(NO_CHECKS, Applicable.YES, null).verdict()).isEqualTo(VerdictValue.NOT_ASSESSED);
    }

    @Test
    void neverPassesOnNoEvidence() {
        for (Applicable a : Applicable.values()) {
            for (Requirement r : List.of(AUTOMATED, MANUAL, NO_CHECKS)) {
                assertThat(decide(r, a, null).verdict()).isNotEqualTo(VerdictValue.PASS);
                assertThat(decide(r, a, null, af(r.checks().isEmpty() ? "x" : r.checks().get(0), Outcome.NOT_RUN, "n"))
                        .verdict()).isNotEqualTo(VerdictValue.PASS);
                assertThat(decide(r, a, null, af(r.checks().isEmpty() ? "x" : r.checks().get(0), Outcome.INFO, "n"))
                        .verdict()).isNotEqualTo(VerdictValue.PASS);
            }
        }
    }

    @Test
    void verdictCarriesCatalogTextForRenderers() {
        Verdict v = decide(AUTOMATED, Applicable.YES, null);
        assertThat(v.title()).isEqualTo("Title of 5.3-1");
        assertThat(v.remediation()).isEqualTo("Fix 5.3-1");
        assertThat(v.status()).isEqualTo("mandatory");
        assertThat(v.checks()).containsExactly("fw.svc.telnet", "net.telnet.open");
    }

    // --- evidence outranks claims (issue #12) ---

    @Test
    void aWarningContradictingADeclaredYesIsInconclusiveWithConflict() {
        Verdict v = decide(MANUAL, Applicable.YES, YES, af("fw.vdp.security-txt", Outcome.WARNING, "policy has no contact"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        assertThat(v.conflict()).isTrue();
        assertThat(v.basis()).isEqualTo(Basis.NONE);
        assertThat(v.reason()).startsWith("conflict: declared Y, but check fw.vdp.security-txt raised warnings")
                .contains("policy has no contact");
    }

    @Test
    void reasonsNameTheFindingOfTheFirstListedCheckFirst() {
        // findings arrive in input order (device first here); the reason follows the catalog's order of checks
        Verdict v = decide(AUTOMATED, Applicable.YES, null, af("net.telnet.open", Outcome.FAIL, "port 23 open"),
                af("fw.svc.telnet", Outcome.FAIL, "telnetd in inittab"));
        assertThat(v.reason()).startsWith("automated checks fw.svc.telnet, net.telnet.open failed: telnetd in inittab");
        assertThat(v.findings()).containsExactly("fw.svc.telnet", "net.telnet.open");
    }

    @Test
    void aContradictedClaimMarksTheVerdictAsAConflictAndNamesIt() {
        Circumstances c = new Circumstances(List.of("profile says device.passwords is false but the image holds"
                + " password hashes [fw.os.facts]"), Map.of());
        Verdict v = engine.decide(MANUAL, Applicable.YES, "condition 1 holds", YES,
                List.of(af("fw.vdp.security-txt", Outcome.FAIL, "default password root")), c);
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(v.conflict()).isTrue();
        assertThat(v.reason()).startsWith("conflict: profile says device.passwords is false")
                .contains("applicability follows the evidence").contains("declared Y, but automated check")
                .doesNotContain("; conflict:");
        assertThat(v.basis()).isEqualTo(Basis.VERIFIED);
    }

    @Test
    void noPassRestsOnAnImageThatCouldNotBeExamined() {
        Circumstances c = new Circumstances(List.of(), Map.of("unit1.bin",
                Examination.none("no file system found; entropy 7.99 bits/byte throughout")));
        Verdict automated = engine.decide(AUTOMATED, Applicable.YES, "", null,
                List.of(af("fw.svc.telnet", Outcome.PASS, "no telnet")), c);
        assertThat(automated.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        assertThat(automated.reason()).contains("unit1.bin could not be examined").contains("entropy 7.99");
        // a declared Y is not a pass either, even when the image gave no finding for the requirement
        Verdict declared = engine.decide(MANUAL, Applicable.YES, "", YES, List.of(), c);
        assertThat(declared.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        // a requirement no firmware check reads is not affected
        assertThat(engine.decide(NO_CHECKS, Applicable.YES, "", YES, List.of(), c).verdict()).isEqualTo(VerdictValue.PASS);
        // a failure found on it still fails
        assertThat(engine.decide(AUTOMATED, Applicable.YES, "", null,
                List.of(af("fw.svc.telnet", Outcome.FAIL, "telnetd")), c).verdict()).isEqualTo(VerdictValue.FAIL);
    }

    @Test
    void aPassOnAPartlyUnpackedImageIsInconclusive() {
        Circumstances c = new Circumstances(List.of(), Map.of("unit1.bin",
                Examination.partial("the unpacker's limits were hit: maxFiles")));
        Verdict v = engine.decide(AUTOMATED, Applicable.YES, "", null, List.of(af("fw.svc.telnet", Outcome.PASS, "ok")), c);
        assertThat(v.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        assertThat(v.reason()).contains("unit1.bin was examined only in part").contains("maxFiles");
    }

    @Test
    void basisSaysWhatEachVerdictRestsOn() {
        assertThat(decide(AUTOMATED, Applicable.YES, null, af("fw.svc.telnet", Outcome.PASS, "ok")).basis())
                .isEqualTo(Basis.VERIFIED);
        assertThat(decide(AUTOMATED, Applicable.YES, null, af("fw.svc.telnet", Outcome.FAIL, "x")).basis())
                .isEqualTo(Basis.VERIFIED);
        assertThat(decide(MANUAL, Applicable.YES, YES, af("fw.vdp.security-txt", Outcome.PASS, "found")).basis())
                .isEqualTo(Basis.DECLARED_CONSISTENT);
        assertThat(decide(MANUAL, Applicable.YES, YES, af("fw.vdp.security-txt", Outcome.NOT_RUN, "no tree")).basis())
                .isEqualTo(Basis.DECLARED);
        assertThat(decide(MANUAL, Applicable.YES, YES, af("fw.vdp.security-txt", Outcome.ERROR, "crashed")).basis())
                .isEqualTo(Basis.DECLARED);
        assertThat(decide(NO_CHECKS, Applicable.YES, YES).basis()).isEqualTo(Basis.DECLARED);
        assertThat(decide(MANUAL, Applicable.YES, NO).basis()).isEqualTo(Basis.DECLARED);
        assertThat(decide(MANUAL, Applicable.NO, null).basis()).isEqualTo(Basis.INFERRED);
        assertThat(decide(MANUAL, Applicable.UNDETERMINED, YES).basis()).isEqualTo(Basis.NONE);
        assertThat(decide(NO_CHECKS, Applicable.YES, null).basis()).isEqualTo(Basis.NONE);
    }

    // R6b (issue #13): a check whose result cannot settle the requirement (too little or too old vulnerability data)

    private static final Requirement KNOWN_VULNS = req("5.3-8", true,
            List.of("sbom.component-vulnerable", "sbom.outdated"));

    private static AssessedFinding cannotSettle() {
        return new AssessedFinding("unit1.bin", "sbom.component-vulnerable", Outcome.WARNING, null,
                "no known vulnerability is claimed, but only the starter set was available", List.of(),
                Map.of("cannotSettle", "only the bundled starter set of 58 well-known CVEs was available"));
    }

    @Test
    void r6bDataThatCannotSettleMakesItInconclusiveEvenWithOtherPassesOrAYes() {
        Verdict v = decide(KNOWN_VULNS, Applicable.YES, null, cannotSettle(),
                af("sbom.outdated", Outcome.PASS, "no end-of-life line"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        assertThat(v.reason()).isEqualTo("inconclusive: sbom.component-vulnerable: only the bundled starter set of 58"
                + " well-known CVEs was available; a pass cannot rest on it");
        assertThat(v.basis()).isEqualTo(Basis.NONE);
        Verdict declared = decide(KNOWN_VULNS, Applicable.YES, YES, cannotSettle());
        assertThat(declared.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE);
        assertThat(declared.reason()).startsWith("declared Y, but inconclusive: sbom.component-vulnerable");
    }

    @Test
    void r6bARealFailStaysAFail() {
        Verdict v = decide(KNOWN_VULNS, Applicable.YES, null, cannotSettle(),
                af("sbom.component-vulnerable", Outcome.FAIL, "Dropbear 2022.83 is affected by CVE-2023-48795"));
        assertThat(v.verdict()).isEqualTo(VerdictValue.FAIL);
    }
}
