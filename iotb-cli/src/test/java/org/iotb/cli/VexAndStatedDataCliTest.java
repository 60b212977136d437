package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotb.model.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 on the bundled example (smart lock 1.4.2, unit 1). Its Dropbear 2022.83 is in Terrapin's range
 * (CVE-2023-48795) but carries the strict-KEX fix (code evidence: resolved); its glibc and BusyBox are Debian builds in
 * range of CVE-2023-4911 and CVE-2022-28391 whose backport status the starter set cannot tell. So EN 303 645 5.3-8,
 * MTSFB 6.3.8 and Xiaomi 2.1.5 are inconclusive, never pass. A VEX declaring Terrapin not_affected keeps the CVE in
 * every output with the lab's reason; a VEX confirming the glibc CVE as affected turns the three into fails. An empty
 * store (--db) keeps the run independent of the user's data.
 */
@Tag("integration")
class VexAndStatedDataCliTest {
    private static final String[] KNOWN_VULNS = {"etsi-en-303-645 5.3-8", "mtsfb-tc-g044 6.3.8",
        "xiaomi-iot-baseline 2.1.5"};

    private static Path vex(String name) {
        return Path.of("src/test/resources/vex").resolve(name).toAbsolutePath();
    }

    private static JsonNode assess(Path out, Path store, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("assess", "-q", "--profile", Cli.example("profile.yaml"),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--db", store.toString(),
                "--format", "json,html,sarif", "-o", out.toString()));
        args.addAll(List.of(extra));
        Cli run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exit).as(run.err).isIn(0, 1);
        assertThat(run.out).contains("vulnerability data: starter set, 58 records, newest 2024-07-01, ");
        return Json.mapper().readTree(out.resolve("assessment.json").toFile());
    }

    private static List<String> knownVulnVerdicts(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : a.path("verdicts")) {
            String key = v.path("standard").asText() + " " + v.path("requirement").asText();
            if (List.of(KNOWN_VULNS).contains(key)) {
                out.add(key + " " + v.path("verdict").asText());
            }
        }
        return out;
    }

    @Test
    void aVexTakesTerrapinOutOfTheVerdictsAndKeepsItInEveryOutput(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("empty-store");
        JsonNode before = assess(dir.resolve("before"), store);
        assertThat(knownVulnVerdicts(before)).containsExactly("etsi-en-303-645 5.3-8 inconclusive",
                "mtsfb-tc-g044 6.3.8 inconclusive", "xiaomi-iot-baseline 2.1.5 inconclusive");
        JsonNode data = before.path("vulnerabilityData");
        assertThat(before.path("schemaVersion").asText()).isEqualTo("3.2");
        assertThat(data.path("records").asInt()).isEqualTo(58);
        assertThat(data.path("newestRecord").asText()).isEqualTo("2024-07-01");
        assertThat(data.path("starterSetOnly").asBoolean()).isTrue();
        assertThat(data.path("maxAgeDays").asInt()).isEqualTo(30);
        assertThat(data.path("ageDays").asInt()).isGreaterThan(800);
        assertThat(data.path("sources").get(0).path("name").asText()).isEqualTo("starter");

        Path out = dir.resolve("after");
        JsonNode after = assess(out, store, "--vex", vex("sl100-dropbear.openvex.json").toString());
        assertThat(knownVulnVerdicts(after)).containsExactly("etsi-en-303-645 5.3-8 inconclusive",
                "mtsfb-tc-g044 6.3.8 inconclusive", "xiaomi-iot-baseline 2.1.5 inconclusive");
        // the lab confirming a CVE whose backport status was unknown makes it a failure
        JsonNode confirmed = assess(dir.resolve("confirmed"), store, "--vex", vex("sl100-glibc-affected.openvex.json").toString());
        assertThat(knownVulnVerdicts(confirmed)).containsExactly("etsi-en-303-645 5.3-8 fail", "mtsfb-tc-g044 6.3.8 fail",
                "xiaomi-iot-baseline 2.1.5 fail");
        // the VEX is an input, hashed
        JsonNode vexInput = null;
        for (JsonNode i : after.path("inputs")) {
            if (i.path("kind").asText().equals("vex")) {
                vexInput = i;
            }
        }
        assertThat(vexInput).isNotNull();
        assertThat(vexInput.path("sha256").asText()).hasSize(64);
        // JSON: the triaged CVE with who said why
        JsonNode triaged = null;
        for (JsonNode f : after.path("findings")) {
            if (f.path("data").has("triaged")) {
                triaged = f.path("data").path("triaged").get(0);
            }
        }
        assertThat(triaged).isNotNull();
        assertThat(triaged.path("id").asText()).isEqualTo("CVE-2023-48795");
        assertThat(triaged.path("vex").path("status").asText()).isEqualTo("not_affected");
        assertThat(triaged.path("vex").path("justification").asText()).isEqualTo("vulnerable_code_not_present");
        assertThat(triaged.path("vex").path("author").asText()).isEqualTo("Example Test Lab");
        // HTML: the stated data and the triage table
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("vulnerability data: starter set, 58 records").contains("Triage (VEX)")
                .contains("CVE-2023-48795").contains("vulnerable_code_not_present");
        // SARIF: a suppressed result with the lab's reason
        JsonNode sarif = Json.mapper().readTree(out.resolve("report.sarif").toFile());
        List<String> suppressed = new ArrayList<>();
        for (JsonNode r : sarif.path("runs").get(0).path("results")) {
            if (r.has("suppressions")) {
                suppressed.add(r.path("suppressions").get(0).path("kind").asText() + " "
                        + r.path("suppressions").get(0).path("justification").asText());
            }
        }
        assertThat(suppressed).singleElement().asString().startsWith("external Dropbear SSH 2022.83")
                .contains("CVE-2023-48795 not_affected (vulnerable_code_not_present)");
    }

    @Test
    void theSbomCommandWritesTheTriageAsCycloneDxAnalysisAndAsOpenVex(@TempDir Path dir) throws Exception {
        Path bom = dir.resolve("bom.json");
        Cli run = Cli.run("sbom", "-q", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--db", dir.resolve("s").toString(),
                "--format", "cyclonedx", "--vulns", "--vex", vex("sl100-dropbear.cdx.json").toString(), "-o", bom.toString());
        assertThat(run.exit).as(run.err).isZero();
        String json = Files.readString(bom);
        // (the same writer's output is validated against the CycloneDX 1.6 schema in iotb-sbom's TriageOutputsTest:
        // the CLI's classpath leaves the schema validator out)
        JsonNode terrapin = null;
        for (JsonNode v : Json.mapper().readTree(json).path("vulnerabilities")) {
            if (v.path("id").asText().equals("CVE-2023-48795")) {
                terrapin = v;
            }
        }
        assertThat(terrapin).isNotNull();
        assertThat(terrapin.path("analysis").path("state").asText()).isEqualTo("not_affected");
        assertThat(terrapin.path("analysis").path("justification").asText()).isEqualTo("code_not_present");
        assertThat(terrapin.path("affects").get(0).path("ref").asText()).isEqualTo("pkg:generic/dropbear@2022.83");

        Cli vex = Cli.run("sbom", "-q", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--db", dir.resolve("s").toString(),
                "--format", "openvex", "--author", "Example Test Lab", "--vex", vex("sl100-dropbear.cdx.json").toString());
        assertThat(vex.exit).as(vex.err).isZero();
        JsonNode doc = Json.mapper().readTree(vex.out);
        assertThat(doc.path("author").asText()).isEqualTo("Example Test Lab");
        List<String> statements = new ArrayList<>();
        doc.path("statements").forEach(s -> statements.add(s.path("vulnerability").path("name").asText() + " "
                + s.path("status").asText() + " " + s.path("justification").asText("")));
        assertThat(statements).contains("CVE-2023-48795 not_affected vulnerable_code_not_present",
                "CVE-2023-4911 under_investigation ");

        Cli table = Cli.run("sbom", "-q", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--db", dir.resolve("s").toString());
        assertThat(table.out).contains("vulnerability data: starter set, 58 records, newest 2024-07-01");
    }
}
