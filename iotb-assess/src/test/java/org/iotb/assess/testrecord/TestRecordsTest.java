package org.iotb.assess.testrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessmentInput;
import org.iotb.assess.Assessor;
import org.iotb.assess.Basis;
import org.iotb.assess.InputKind;
import org.iotb.assess.SourceFindings;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.Support;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.junit.jupiter.api.Test;

/**
 * The TS 103 701 record of an assessment on the bundled catalog: units decided by the verdict rules on their own
 * evidence, conceptual units on the declaration, functional ones on checks, lab-only units not assessed,
 * cross-references following the case they name, MTSFB twins laid out through the crosswalk.
 */
class TestRecordsTest {
    private static final Catalog CATALOG = Catalog.load();

    private static Assessment assess(List<Finding> findings, Declarations declarations) {
        Profile profile = ProfileLoader.parse("""
                device:
                  passwords: true
                  preinstalled-passwords: true
                  user-authentication: true
                  constrained: false
                """, "test profile", CATALOG);
        return new Assessor().assess(AssessmentInput.of(CATALOG, profile, declarations,
                List.of(new SourceFindings("fw.bin", InputKind.FIRMWARE, findings)), List.of()));
    }

    private static TestRecord record(Assessment a, String standard) {
        return a.conformanceOf(standard).orElseThrow().testRecord();
    }

    private static GroupOutcome group(TestRecord r, String provision) {
        return r.groups().stream().filter(g -> g.provision().equals(provision)).findFirst().orElseThrow();
    }

    private static UnitOutcome unit(GroupOutcome g, String id) {
        return g.cases().stream().flatMap(c -> c.units().stream()).filter(u -> u.unit().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void conceptualUnitsRestOnTheDeclarationFunctionalOnesOnTheChecks() {
        Assessment a = assess(List.of(
                        new Finding("fw.cred.default-password", Outcome.FAIL, Severity.HIGH, "root has the password 'admin'", List.of(), Map.of()),
                        Finding.pass("net.auth.bruteforce-resistance", "the device locked out after 5 attempts", List.of())),
                new Declarations(Map.of(Catalog.EN_303_645, Map.of(
                        "5.1-1", new Declaration(Support.Y, "random password per unit", List.of()),
                        "5.1-5", new Declaration(Support.Y, "lock-out after 5 attempts", List.of())))));
        TestRecord r = record(a, Catalog.EN_303_645);
        assertThat(r.groups()).hasSize(67);
        GroupOutcome g = group(r, "5.1-1");
        assertThat(g.group()).isEqualTo("Test group 5.1-1");
        assertThat(g.cases()).extracting(CaseOutcome::id).containsExactly("5.1-1-1", "5.1-1-2");
        assertThat(unit(g, "5.1-1-1a").verdict()).isEqualTo(VerdictValue.PASS);
        assertThat(unit(g, "5.1-1-1a").basis()).isEqualTo(Basis.DECLARED);
        UnitOutcome passwords = unit(g, "5.1-1-2c");
        assertThat(passwords.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(passwords.basis()).isEqualTo(Basis.VERIFIED);
        assertThat(passwords.findings()).containsExactly("fw.cred.default-password");
        assertThat(passwords.reason()).doesNotContain("declared"); // functional units never read the declaration
        UnitOutcome lab = unit(g, "5.1-1-2b");
        assertThat(lab.verdict()).isEqualTo(VerdictValue.NOT_ASSESSED);
        assertThat(lab.reason()).contains("lab test");
        assertThat(g.cases().get(1).ixitTables()).containsExactly("1-AuthMech");
        assertThat(passwords.ixit()).isEqualTo("1-AuthMech");
        assertThat(g.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(g.basis()).isEqualTo(Basis.VERIFIED);

        GroupOutcome brute = group(r, "5.1-5");
        assertThat(unit(brute, "5.1-5-2b").verdict()).isEqualTo(VerdictValue.PASS); // its check settles it
        assertThat(unit(brute, "5.1-5-2b").basis()).isEqualTo(Basis.VERIFIED);
        assertThat(brute.verdict()).isEqualTo(VerdictValue.INCONCLUSIVE); // 5.1-5-2a needs the lab
        assertThat(r.units().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(225);
    }

    @Test
    void crossReferencesFollowTheCaseTheyNameAndNotApplicableProvisionsStayNotApplicable() {
        Assessment a = assess(List.of(new Finding("fw.net.plaintext-endpoint", Outcome.FAIL, Severity.HIGH,
                "http://cloud.example/api in /usr/bin/agent", List.of(), Map.of())), Declarations.NONE);
        TestRecord r = record(a, Catalog.EN_303_645);
        UnitOutcome ref = unit(group(r, "5.8-1"), "5.8-1-2a");
        CaseOutcome target = group(r, "5.5-1").cases().stream().filter(c -> c.id().equals("5.5-1-2")).findFirst().orElseThrow();
        assertThat(target.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(ref.refersTo()).isEqualTo("5.5-1-2");
        assertThat(ref.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(ref.reason()).startsWith("as test case 5.5-1-2: ");
        // 5.3-14 applies only to products that cannot be updated; the profile leaves that open here
        assertThat(group(r, "5.3-14").verdict()).isIn(VerdictValue.INCONCLUSIVE, VerdictValue.NOT_APPLICABLE);
    }

    @Test
    void mtsfbTwinsGetTheirTestGroupThroughTheCrosswalk() {
        Assessment a = assess(List.of(), Declarations.NONE);
        TestRecord mtsfb = record(a, Catalog.MTSFB);
        GroupOutcome g = mtsfb.groups().stream().filter(x -> x.requirement().equals("6.1(a)")).findFirst().orElseThrow();
        assertThat(g.provision()).isEqualTo("5.1-1");
        assertThat(g.group()).isEqualTo("Test group 5.1-1");
        // the Xiaomi baseline has two equivalents of EN 303 645 provisions (1.4 = 5.7-1, 3.1.4 = 5.13-1): only they
        assertThat(a.conformanceOf(Catalog.XIAOMI).orElseThrow().testRecord().groups())
                .extracting(GroupOutcome::requirement, GroupOutcome::provision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.4", "5.7-1"), org.assertj.core.groups.Tuple.tuple("3.1.4", "5.13-1"));
    }
}
