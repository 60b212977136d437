package org.iotb.assess.ixit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessmentInput;
import org.iotb.assess.Assessor;
import org.iotb.assess.InputKind;
import org.iotb.assess.SourceFindings;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.Support;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.catalog.testspec.TestSpecification;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.junit.jupiter.api.Test;

/** The IXIT questionnaire: written with its 29 tables and pre-filled entries, read back as declarations. */
class IxitTest {
    private static final Catalog CATALOG = Catalog.load();
    private static final TestSpecification SPEC = TestSpecification.load();
    private static final Profile PROFILE = ProfileLoader.parse("""
            product: {name: Lock, model: L1, manufacturer: Acme, firmware-version: "1.0"}
            device:
              passwords: true
              software-updateable: true
            """, "profile", CATALOG);

    private static Assessment firmwareEvidence() {
        return new Assessor().assess(AssessmentInput.of(CATALOG, PROFILE, Declarations.NONE, List.of(
                new SourceFindings("fw.bin", InputKind.FIRMWARE, List.of(
                        new Finding("fw.cred.default-password", Outcome.FAIL, Severity.HIGH, "1 account",
                                List.of(Evidence.line("etc/shadow", 1, "root: MD5 crypt, password found in default list ('admin')")), Map.of()),
                        new Finding("fw.update.mechanism", Outcome.INFO, Severity.NONE, "update tooling: swupdate",
                                List.of(), Map.of("tools", Map.of("swupdate", List.of("usr/bin/swupdate")))),
                        new Finding("sbom.inventory", Outcome.INFO, Severity.NONE, "1 component", List.of(),
                                Map.of("components", List.of(Map.of("name", "BusyBox", "version", "1.35.0",
                                        "purl", "pkg:generic/busybox@1.35.0", "source", "signature"))))))), List.of()));
    }

    @Test
    void templateHasTheTwentyNineTablesPrefilledEntriesAndEachQuestionOnce() {
        String yaml = IxitTemplate.render(SPEC, CATALOG, PROFILE, firmwareEvidence());
        for (var t : SPEC.tables()) {
            assertThat(yaml).contains("\n  \"" + t.ref() + "\":\n");
        }
        assertThat(yaml).contains("password login of account 'root'").contains("fw.bin: etc/shadow line 1")
                .contains("update tooling: swupdate").contains("BusyBox 1.35.0 (pkg:generic/busybox@1.35.0)")
                .contains("prefilled: firmware");
        assertThat(yaml.split("\n      \"5.1-1\":\n", -1)).hasSize(2);
        IxitAnswers empty = IxitLoader.parse(yaml, "ixit.yaml", CATALOG, SPEC); // the template reads back
        assertThat(empty.declarations().size()).isZero();
        assertThat(empty.unconfirmed()).isEqualTo(3);
        assertThat(empty.tables()).hasSize(29);
    }

    @Test
    void answersAreDeclarationsJudgedByTheDeclarationsRulesWithTheirIxitLines() {
        String yaml = IxitTemplate.render(SPEC, CATALOG, PROFILE, null)
                .replace("      \"5.1-1\":\n        support:\n", "      \"5.1-1\":\n        support: Y\n");
        IxitAnswers a = IxitLoader.parse(yaml, "ixit.yaml", CATALOG, SPEC);
        assertThat(a.declarations().get(Catalog.EN_303_645, "5.1-1").orElseThrow().support()).isEqualTo(Support.Y);
        int line = a.lines().get("etsi-en-303-645:5.1-1");
        assertThat(yaml.lines().toList().get(line - 1)).isEqualTo("      \"5.1-1\":");

        String na = IxitTemplate.render(SPEC, CATALOG, PROFILE, null)
                .replace("      \"5.2-1\":\n        support:\n", "      \"5.2-1\":\n        support: N/A\n");
        int naLine = na.lines().toList().indexOf("      \"5.2-1\":") + 1;
        assertThatThrownBy(() -> IxitLoader.parse(na, "ixit.yaml", CATALOG, SPEC)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("ixit.yaml has 1 problem").hasMessageContaining("line " + naLine + ":")
                .hasMessageContaining("N/A is not allowed for an unconditional provision");
    }

    @Test
    void structuralMistakesAreNamedWithTheirLine() {
        String yaml = """
                tables:
                  "1-AuthMech":
                    provisions:
                      "5.1-1": Y
                  "13-SoftServ":
                    provisions:
                      "5.1-1": N
                  "30-Nope": {}
                """;
        assertThatThrownBy(() -> IxitLoader.parse(yaml, "ixit.yaml", CATALOG, SPEC))
                .hasMessageContaining("line 7: 13-SoftServ: provision 5.1-1 is answered twice (also on line 4)")
                .hasMessageContaining("line 8: unknown IXIT table '30-Nope'");
    }

    @Test
    void declarationsAndIxitAreOneSourceOfTruth() {
        IxitAnswers ixit = IxitLoader.parse("""
                tables:
                  "1-AuthMech":
                    provisions:
                      "5.1-1": {support: Y, detail: "random per unit"}
                      "5.1-2": N
                """, "ixit.yaml", CATALOG, SPEC);
        Declarations file = new Declarations(Map.of(Catalog.EN_303_645, Map.of(
                "5.1-1", new Declaration(Support.Y, "printed on the label", List.of()),
                "5.2-1", new Declaration(Support.Y, null, List.of()))));
        Declarations merged = IxitDeclarations.merge(file, "declarations.yaml", ixit);
        assertThat(merged.get(Catalog.EN_303_645, "5.1-1").orElseThrow().detail()).isEqualTo("printed on the label");
        assertThat(merged.get(Catalog.EN_303_645, "5.1-2").orElseThrow().support()).isEqualTo(Support.N);
        assertThat(merged.size()).isEqualTo(3);

        Declarations disagreeing = new Declarations(Map.of(Catalog.EN_303_645, Map.of(
                "5.1-2", new Declaration(Support.Y, null, List.of()))));
        assertThatThrownBy(() -> IxitDeclarations.merge(disagreeing, "declarations.yaml", ixit))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("etsi-en-303-645 5.1-2: declarations.yaml says Y, ixit.yaml line 5 says N");
    }
}
