package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandsTest {

    @Test
    void rootHelpTeachesTheFirstSteps() {
        Cli c = Cli.run("--help");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("profile init").contains("catalog").contains("ics").contains("Exit codes");
    }

    @Test
    void catalogListJsonHasTheContractFields() throws Exception {
        for (String[] s : new String[][] {{"etsi-en-303-645", "67"}, {"mtsfb-tc-g044", "69"}, {"xiaomi-iot-baseline", "69"}}) {
            Cli c = Cli.run("catalog", "list", "--standard", s[0], "--format", "json");
            assertThat(c.exit).isZero();
            JsonNode arr = Json.mapper().readTree(c.out);
            assertThat(arr.size()).isEqualTo(Integer.parseInt(s[1]));
            for (JsonNode r : arr) {
                assertThat(r.has("id") && r.has("title") && r.has("conditions") && r.has("levels")).isTrue();
                assertThat(r.get("status").asText()).isIn("mandatory", "recommended");
            }
        }
    }

    @Test
    void catalogShowExplainsARequirement() {
        Cli c = Cli.run("catalog", "show", "etsi-en-303-645:5.1-1");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("5.1-1").contains("mandatory").contains("conditions [1]").contains("mtsfb-tc-g044 6.1(a)");
        assertThat(Cli.run("catalog", "show", "9.9-9").exit).isEqualTo(2);
    }

    @Test
    void catalogShowGivesEachCheckWithItsRationale() throws Exception {
        Cli c = Cli.run("catalog", "show", "etsi-en-303-645:5.6-2");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("evidence for or against; a pass also needs a declaration")
                .containsPattern("\\n    fw\\.svc\\.debug: [^\\n]*without authentication")
                .containsPattern("\\n    fw\\.dev\\.vcs-metadata: [^\\n]*web root");
        assertThat(Cli.run("catalog", "show", "etsi-en-303-645:5.2-1").out).contains("checks:      (none: declaration only)");

        JsonNode shown = Json.mapper().readTree(Cli.run("catalog", "show", "xiaomi-iot-baseline:3.2.9", "--format", "json").out);
        JsonNode checks = shown.get(0).get("checks");
        assertThat(checks.size()).isEqualTo(1);
        assertThat(checks.get(0).get("id").asText()).isEqualTo("fw.elf.stripped");
        assertThat(checks.get(0).get("why").asText()).contains("symbol table");
        assertThat(shown.get(0).get("automated").asBoolean()).isTrue();
    }

    @Test
    void crosswalkFlagsStatusDifferences() throws Exception {
        Cli c = Cli.run("catalog", "crosswalk", "--format", "json");
        JsonNode arr = Json.mapper().readTree(c.out);
        assertThat(arr.size()).isEqualTo(69 + 69);
        assertThat(arr.findValues("statusDiffers")).anyMatch(JsonNode::asBoolean);
    }

    @Test
    void profileInitWritesATemplateThatChecksClean(@TempDir Path dir) {
        Path p = dir.resolve("product.yaml");
        assertThat(Cli.run("profile", "init", "-o", p.toString()).exit).isZero();
        Cli check = Cli.run("profile", "check", p.toString());
        assertThat(check.exit).isZero();
        assertThat(check.out).contains("valid").contains("undetermined");
        assertThat(Cli.run("profile", "init", "-o", p.toString()).exit).as("refuses to overwrite").isEqualTo(2);
    }

    @Test
    void badProfileExitsTwoNamingKeyAndLine(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("bad.yaml");
        Files.writeString(p, "device:\n  telemetri: true\n");
        Cli c = Cli.run("ics", "--profile", p.toString());
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err).contains("line 2").contains("device.telemetri").contains("telemetry");
    }

    @Test
    void icsOfTheExampleHasARowPerRequirementForEachStandard(@TempDir Path dir) throws Exception {
        Cli c = Cli.run("ics", "--profile", Cli.example("profile.yaml"), "--declarations", Cli.example("declarations.yaml"),
                "--standard", "all", "--format", "csv", "-o", dir.toString());
        assertThat(c.exit).as(c.err).isZero();
        for (String[] s : new String[][] {{"etsi-en-303-645", "67"}, {"mtsfb-tc-g044", "69"}, {"xiaomi-iot-baseline", "69"}}) {
            var lines = Files.readAllLines(dir.resolve("ics-" + s[0] + ".csv"));
            assertThat(lines.get(0)).startsWith("reference,status,applicable,support,detail,");
            assertThat(lines).hasSize(Integer.parseInt(s[1]) + 1);
        }
        Cli md = Cli.run("ics", "--profile", Cli.example("profile.yaml"), "--format", "md");
        assertThat(md.out).contains("| Provision 5.1-1 | M C (1) |  |");
    }

    @Test
    void declarationsInitListsApplicableRequirements() {
        Cli c = Cli.run("declarations", "init", "--profile", Cli.example("profile.yaml"));
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("etsi-en-303-645:").contains("\"5.1-1\":").contains("xiaomi-iot-baseline:");
    }

    @Test
    void aBareIdNamingThingsInTwoStandardsAsksWhichOne() {
        // "5.1" is a Xiaomi item and the EN 303 645 clause of 5.1-1 to 5.1-5
        Cli c = Cli.run("catalog", "show", "5.1");
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.out).isEmpty();
        assertThat(c.err).contains("'5.1' is ambiguous").contains("iotb catalog show xiaomi-iot-baseline:5.1")
                .contains("--standard etsi-en-303-645").contains("5.1-1");
        assertThat(Cli.run("catalog", "show", "xiaomi-iot-baseline:5.1").exit).isZero();
        assertThat(Cli.run("catalog", "show", "5.1-1").exit).isZero();
    }
}
