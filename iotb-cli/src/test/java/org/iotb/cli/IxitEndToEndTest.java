package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.model.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, done-when item 2, on the bundled example: `ixit init` pre-fills the questionnaire from the firmware,
 * the supplier answers it (edited here as a supplier would), `assess --ixit` reads the answers as declarations and
 * the assessment JSON and HTML carry the TS 103 701 layout (test group → test case → unit → verdict).
 */
@Tag("integration")
class IxitEndToEndTest {
    @TempDir
    static Path dir;
    static Cli init;
    static String questionnaire;
    static Cli assess;
    static JsonNode assessment;
    static String html;

    @BeforeAll
    static void initAnswerAssess() throws Exception {
        Path ixit = dir.resolve("ixit.yaml");
        init = Cli.run("ixit", "init", "-q", "--profile", Cli.example("profile.yaml"),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "-o", ixit.toString());
        questionnaire = Files.readString(ixit, StandardCharsets.UTF_8);
        // the supplier confirms the pre-filled entries and answers three questions in three tables
        String answered = questionnaire.replace("        prefilled: firmware\n", "")
                .replace("      \"5.1-1\":\n        support:\n        detail:\n",
                        "      \"5.1-1\":\n        support: Y\n        detail: \"random admin password per unit, on its label\"\n")
                .replace("      \"5.2-2\":\n        support:\n", "      \"5.2-2\":\n        support: Y\n")
                .replace("      \"5.3-13\":\n        support:\n", "      \"5.3-13\":\n        support: Y\n");
        Files.writeString(ixit, answered, StandardCharsets.UTF_8);
        assess = Cli.run("assess", "-q", "--profile", Cli.example("profile.yaml"), "--ixit", ixit.toString(),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--format", "json,html",
                "-o", dir.resolve("out").toString());
        assessment = Json.mapper().readTree(dir.resolve("out/assessment.json").toFile());
        html = Files.readString(dir.resolve("out/report.html"), StandardCharsets.UTF_8);
    }

    @Test
    void initWritesTheTwentyNineTablesPrefilledFromTheImage() {
        assertThat(init.exit).as(init.err).isZero();
        assertThat(questionnaire).contains("\"1-AuthMech\":").contains("\"29-InpVal\":")
                .contains("password login of account 'root'")          // accounts → AuthMech
                .contains("service 'telnetd' started at boot")           // services → SoftServ
                .contains("Dropbear SSH 2022.83")                         // SBOM → SoftComp
                .contains("update tooling: vendor-script")                // update paths → UpdMech
                .contains("ble radio interface")                          // interfaces → Intf
                .contains("prefilled: firmware");
    }

    @Test
    void theIxitAnswersAreTheDeclarations() {
        assertThat(assess.exit).as(assess.err).isEqualTo(1); // the weak release fails mandatory provisions
        assertThat(assessment.get("inputs").findValuesAsText("kind")).contains("ixit");
        JsonNode v = verdict("5.2-2");
        assertThat(v.path("verdict").asText()).isEqualTo("pass");
        assertThat(v.path("basis").asText()).isEqualTo("declared");
        assertThat(v.path("declaration").path("support").asText()).isEqualTo("Y");
        assertThat(verdict("5.1-1").path("reason").asText()).startsWith("conflict: declared Y, but automated check");
        assertThat(assessment.get("warnings").toString()).doesNotContain("pre-filled from the firmware not yet confirmed");
    }

    @Test
    void theJsonAndTheHtmlHaveTheTestGroupLayout() {
        JsonNode record = null;
        for (JsonNode c : assessment.get("conformance")) {
            if (c.path("standard").asText().equals("etsi-en-303-645")) {
                record = c.path("testRecord");
            }
        }
        assertThat(record).isNotNull();
        assertThat(record.path("groups")).hasSize(67);
        JsonNode g = record.path("groups").get(0);
        assertThat(g.path("group").asText()).isEqualTo("Test group 5.1-1");
        JsonNode functional = g.path("cases").get(1);
        assertThat(functional.path("id").asText()).isEqualTo("5.1-1-2");
        assertThat(functional.path("kind").asText()).isEqualTo("functional");
        JsonNode passwords = functional.path("units").get(2);
        assertThat(passwords.path("unit").asText()).isEqualTo("5.1-1-2c");
        assertThat(passwords.path("ixit").asText()).isEqualTo("1-AuthMech");
        assertThat(passwords.path("verdict").asText()).isEqualTo("fail");
        assertThat(passwords.path("basis").asText()).isEqualTo("verified");
        JsonNode conceptual = null;
        for (JsonNode x : record.path("groups")) {
            if (x.path("provision").asText().equals("5.2-2")) {
                conceptual = x.path("cases").get(0).path("units").get(0);
            }
        }
        assertThat(conceptual.path("unit").asText()).isEqualTo("5.2-2-1a");
        assertThat(conceptual.path("verdict").asText()).isEqualTo("pass"); // the IXIT's answer decides it
        assertThat(html).contains("TS 103 701 layout").contains("Test group 5.2-2")
                .contains("<td class=\"id\">5.1-1-2c</td><td>1-AuthMech</td>");
    }

    @Test
    void aDeclarationsFileAndTheIxitAnsweringDifferentlyIsAnErrorNamingBoth() throws Exception {
        Path ixit = dir.resolve("disagreeing-ixit.yaml");
        Files.writeString(ixit, """
                tables:
                  "1-AuthMech":
                    provisions:
                      "5.1-1": {support: N, detail: "shared default password"}
                """, StandardCharsets.UTF_8);
        Cli r = Cli.run("assess", "-q", "--profile", Cli.example("profile.yaml"), "--declarations",
                Cli.example("declarations.yaml"), "--ixit", ixit.toString(), "--declarations-only", "--format", "json",
                "-o", dir.resolve("conflict").toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("etsi-en-303-645 5.1-1").contains("declarations.yaml says Y")
                .contains("disagreeing-ixit.yaml line 4 says N");
    }

    private static JsonNode verdict(String id) {
        for (JsonNode v : assessment.get("verdicts")) {
            if (v.path("standard").asText().equals("etsi-en-303-645") && v.path("requirement").asText().equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no verdict " + id);
    }
}
