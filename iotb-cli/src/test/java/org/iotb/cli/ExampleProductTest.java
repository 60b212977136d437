package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.iotb.catalog.Catalog;
import org.iotb.model.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, end to end on the bundled example: two dumps of units of the weak release, then
 * the fixed release, and the diff between them. The planted weaknesses are listed in
 * examples/smart-lock/firmware/README.md.
 */
@Tag("integration")
class ExampleProductTest {
    @TempDir
    static Path out;
    static Cli weak;
    static JsonNode assessment;

    @BeforeAll
    static void assessTheWeakRelease() throws Exception {
        weak = Cli.run("assess", "-q", "--profile", Cli.example("profile.yaml"), "--declarations", Cli.example("declarations.yaml"),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--firmware", Cli.example("firmware/sl100-1.4.2-unit2.bin"),
                "--format", "json,sarif,junit,ics", "-o", out.resolve("weak").toString());
        assessment = Json.mapper().readTree(out.resolve("weak/assessment.json").toFile());
    }

    @Test
    void failedMandatoryRequirementsGiveExitCodeOne() {
        assertThat(weak.exit).as(weak.err).isEqualTo(1);
        assertThat(weak.out).contains("failed mandatory").contains("etsi-en-303-645");
    }

    @Test
    void everyRequirementOfEveryDefaultStandardHasAVerdictWithAReason() {
        Set<String> seen = new HashSet<>();
        for (JsonNode v : assessment.get("verdicts")) {
            seen.add(v.get("standard").asText() + ":" + v.get("requirement").asText());
            assertThat(v.get("verdict").asText()).isIn("pass", "fail", "not-applicable", "inconclusive", "not-assessed");
            assertThat(v.get("reason").asText()).isNotBlank();
        }
        Set<String> expected = new HashSet<>();
        // every requirement of every standard assessed by default (the regulations' views are opt-in)
        Catalog.load().standards().stream().filter(s -> s.assessedByDefault())
                .forEach(s -> s.requirements().forEach(r -> expected.add(r.key())));
        assertThat(expected).hasSize(67 + 69 + 69);
        assertThat(seen).isEqualTo(expected);
        assertThat(assessment.get("inputs")).allSatisfy(i -> {
            if (i.get("kind").asText().equals("firmware")) {
                assertThat(i.get("sha256").asText()).hasSize(64);
            }
        });
    }

    @Test
    void plantedWeaknessesDriveTheVerdicts() {
        // root's MD5 crypt of "admin" is a universal default password: 5.1-1 fails although "Y" was declared.
        JsonNode v511 = verdict("etsi-en-303-645", "5.1-1");
        assertThat(v511.get("verdict").asText()).isEqualTo("fail");
        assertThat(v511.get("conflict").asBoolean()).isTrue();
        // both units ship the same private key and host key: the per-device uniqueness evidence fails.
        assertThat(assessment.get("findings")).anySatisfy(f -> {
            assertThat(f.get("check").asText()).isEqualTo("assess.unique.keys");
            assertThat(f.get("outcome").asText()).isEqualTo("fail");
        });
        // a requirement nobody looked at is never a pass.
        assertThat(assessment.get("verdicts")).allSatisfy(v -> {
            if (v.get("verdict").asText().equals("pass")) {
                assertThat(v.get("findings").size() > 0 || v.hasNonNull("declaration")).as(v.toString()).isTrue();
            }
        });
    }

    @Test
    void theFixedReleaseFixesWhatTheDiffSays() throws Exception {
        Cli fixed = Cli.run("assess", "-q", "--profile", Cli.example("profile.yaml"), "--declarations", Cli.example("declarations.yaml"),
                "--firmware", Cli.example("firmware/sl100-1.5.0.bin"), "--format", "json", "-o", out.resolve("fixed").toString());
        assertThat(Files.exists(out.resolve("fixed/assessment.json"))).as(fixed.err).isTrue();
        Cli diff = Cli.run("diff", out.resolve("weak/assessment.json").toString(), out.resolve("fixed/assessment.json").toString(),
                "--format", "json");
        JsonNode d = Json.mapper().readTree(diff.out);
        assertThat(d.toString()).contains("etsi-en-303-645");
        // 1.5.0 removes the serial root shell: 5.6-4 (debug interfaces) is no longer failed on that evidence.
        JsonNode before = verdict("etsi-en-303-645", "5.6-4");
        assertThat(before.get("verdict").asText()).isEqualTo("fail");
    }

    @Test
    void conformanceStatementsAndCiReportsAreWritten() throws Exception {
        for (String f : new String[] {"report.sarif", "junit.xml", "ics-etsi-en-303-645.csv", "ics-mtsfb-tc-g044.csv",
            "ics-xiaomi-iot-baseline.csv"}) {
            assertThat(out.resolve("weak").resolve(f)).exists();
        }
        JsonNode sarif = Json.mapper().readTree(out.resolve("weak/report.sarif").toFile());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/results").size()).isPositive();
    }

    private static JsonNode verdict(String standard, String id) {
        for (JsonNode v : assessment.get("verdicts")) {
            if (v.get("standard").asText().equals(standard) && v.get("requirement").asText().equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no verdict " + standard + " " + id);
    }
}
