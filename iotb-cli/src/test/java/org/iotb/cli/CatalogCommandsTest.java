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
        JsonNode grid = Json.mapper().readTree(c.out);
        assertThat(grid.get("hub").asText()).isEqualTo("etsi-en-303-645");
        assertThat(grid.findValues("statusDiffers")).anyMatch(JsonNode::asBoolean);
        // every MTSFB and Xiaomi requirement appears: under the provisions it maps onto, or in a row of its own
        java.util.Set<String> mtsfb = new java.util.HashSet<>();
        java.util.Set<String> xiaomi = new java.util.HashSet<>();
        grid.get("rows").forEach(r -> {
            r.path("mappings").path("mtsfb-tc-g044").forEach(e -> mtsfb.add(e.get("id").asText()));
            r.path("mappings").path("xiaomi-iot-baseline").forEach(e -> xiaomi.add(e.get("id").asText()));
        });
        assertThat(mtsfb).hasSize(69);
        assertThat(xiaomi).hasSize(69);
    }

    /** `iotb catalog crosswalk --format csv`: every standard side by side, one row per EN 303 645 provision first. */
    @Test
    void crosswalkCsvPutsTheViewsBesideTheProvisionsTheyDeriveFrom() {
        Cli c = Cli.run("catalog", "crosswalk", "--format", "csv");
        assertThat(c.exit).isZero();
        java.util.List<java.util.List<String>> rows = csv(c.out);
        assertThat(rows.get(0)).containsExactly("etsi-en-303-645", "title", "status", "mtsfb-tc-g044", "xiaomi-iot-baseline",
                "uk-psti", "au-smart-devices", "sg-cls-level-1", "sg-cls-level-2",
                "eu-cra-annex-i", "en-18031-1", "en-18031-2", "en-18031-3");
        assertThat(rows).allMatch(r -> r.size() == 13);
        java.util.Map<String, java.util.List<String>> byId = new java.util.LinkedHashMap<>();
        rows.subList(1, rows.size()).forEach(r -> byId.putIfAbsent(r.get(0), r));
        assertThat(byId.keySet()).startsWith("5.1-1", "5.1-2", "5.1-3").contains("6-5", "");
        java.util.List<String> p511 = byId.get("5.1-1");
        assertThat(p511.subList(3, 9)).containsExactly("6.1(a)", "3.1.2 (partial) 3.2.2 (partial) 4.2.4 (partial)", "1", "2?", "5.1-1?", "5.1-1?");
        assertThat(byId.get("5.2-1").subList(5, 7)).containsExactly("2", "3?");
        assertThat(byId.get("5.3-13").subList(5, 7)).containsExactly("3", "4?");
        assertThat(byId.get("5.1-3").get(3)).as("MTSFB 6.1(c) is a should where 5.1-3 is a shall").isEqualTo("6.1(c)!");
        // the rows of requirements that map onto no provision come last, with the hub cells empty
        assertThat(rows.get(rows.size() - 1).get(0)).isEmpty();
        // --standard keeps only the named columns
        assertThat(csv(Cli.run("catalog", "crosswalk", "--format", "csv", "--standard", "uk-psti").out).get(0))
                .containsExactly("etsi-en-303-645", "title", "status", "uk-psti");
        assertThat(Cli.run("catalog", "crosswalk", "--standard", "nope").exit).isEqualTo(2);
    }

    /** RFC 4180 rows (quoted cells may hold commas and doubled quotes). */
    private static java.util.List<java.util.List<String>> csv(String text) {
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (String line : text.split("\r\n")) {
            java.util.List<String> cells = new java.util.ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
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
