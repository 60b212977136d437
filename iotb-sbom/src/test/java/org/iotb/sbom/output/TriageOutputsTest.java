package org.iotb.sbom.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.parsers.JsonParser;
import org.iotb.model.Json;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.TestTrees;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.vex.OpenVexWriter;
import org.iotb.sbom.vuln.vex.Triage;
import org.iotb.sbom.vuln.vex.VexStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's triage in the SBOM outputs: CycloneDX analysis (validated) and an OpenVEX document that reads back. */
class TriageOutputsTest {

    private static Sbom router(Path dir) throws IOException {
        return new SbomBuilder().build(TestTrees.oldRouter(dir), SbomOptions.of("router.bin", "ab".repeat(32)));
    }

    /** Terrapin (CVE-2023-48795) in Dropbear 2017.75 declared not affected, in OpenVEX. */
    private static Triage terrapinNotAffected(Path dir) throws IOException {
        Path f = dir.resolve("lab.openvex.json");
        Files.writeString(f, """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.invalid/vex/2",
                 "author": "Example Test Lab", "timestamp": "2026-11-01T10:00:00Z", "version": 1,
                 "statements": [{"vulnerability": {"name": "CVE-2023-48795"},
                   "products": [{"@id": "pkg:generic/dropbear@2017.75"}], "status": "not_affected",
                   "justification": "vulnerable_code_not_present",
                   "impact_statement": "built without chacha20-poly1305 and the -etm MACs"}]}""");
        return Triage.read(List.of(f));
    }

    @Test
    void cycloneDxCarriesTheStatedDataAndTheTriageAndValidates(@TempDir Path dir) throws Exception {
        Sbom sbom = router(dir);
        String json = new CycloneDxWriter().toJson(sbom, VulnDb.bundled(), terrapinNotAffected(dir), true);
        assertThat(new JsonParser().validate(json, org.cyclonedx.Version.VERSION_16)).isEmpty();
        JsonNode n = Json.mapper().readTree(json);
        List<String> props = new ArrayList<>();
        n.path("metadata").path("properties").forEach(p -> props.add(p.path("name").asText() + "=" + p.path("value").asText()));
        assertThat(props).contains("iotb:vulnerability-data:records=58", "iotb:vulnerability-data:starter-set-only=true",
                "iotb:vulnerability-data:newest-record=2024-07-01");
        JsonNode terrapin = null;
        JsonNode heartbleed = null;
        for (JsonNode v : n.path("vulnerabilities")) {
            if (v.path("id").asText().equals("CVE-2023-48795")) {
                terrapin = v;
            } else if (v.path("id").asText().equals("CVE-2014-0160")) {
                heartbleed = v;
            }
        }
        assertThat(terrapin).isNotNull();
        assertThat(terrapin.path("analysis").path("state").asText()).isEqualTo("not_affected");
        assertThat(terrapin.path("analysis").path("justification").asText()).isEqualTo("code_not_present");
        assertThat(terrapin.path("analysis").path("detail").asText())
                .contains("built without chacha20-poly1305").contains("Example Test Lab").contains("lab.openvex.json");
        assertThat(terrapin.path("affects").get(0).path("ref").asText()).isEqualTo("pkg:generic/dropbear@2017.75");
        // matched by upstream version alone, nobody analysed it: no analysis
        assertThat(heartbleed.has("analysis")).isFalse();
        // without --vulns: the stated data, no vulnerabilities
        JsonNode plain = Json.mapper().readTree(new CycloneDxWriter().toJson(sbom, VulnDb.bundled(), Triage.NONE, false));
        assertThat(plain.has("vulnerabilities")).isFalse();
        assertThat(plain.path("metadata").path("properties").get(0).path("value").asText())
                .startsWith("vulnerability data: starter set, 58 records, newest 2024-07-01");
    }

    @Test
    void theOpenVexDocumentStatesEveryJudgementAndReadsBackAsTheSameTriage(@TempDir Path dir) throws Exception {
        Sbom sbom = router(dir);
        Triage lab = terrapinNotAffected(dir);
        String doc = new OpenVexWriter().toJson(sbom, VulnDb.bundled(), lab, "Example Test Lab");
        JsonNode n = Json.mapper().readTree(doc);
        assertThat(n.path("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
        assertThat(n.path("author").asText()).isEqualTo("Example Test Lab");
        List<String> lines = new ArrayList<>();
        n.path("statements").forEach(s -> lines.add(s.path("vulnerability").path("name").asText() + " "
                + s.path("products").get(0).path("@id").asText() + " " + s.path("status").asText()));
        assertThat(lines).contains("CVE-2023-48795 pkg:generic/dropbear@2017.75 not_affected",
                "CVE-2014-0160 pkg:generic/openssl@1.0.1f affected");
        n.path("statements").forEach(s -> {
            if (s.path("status").asText().equals("affected")) {
                assertThat(s.path("action_statement").asText()).isNotBlank(); // OpenVEX requires one
            }
        });
        // the document is itself a VEX iotb reads: the same decision for Terrapin comes back
        Path out = dir.resolve("out.openvex.json");
        Files.writeString(out, doc);
        Triage back = Triage.read(List.of(out));
        var dropbear = sbom.components().stream().filter(c -> c.id().equals("dropbear")).findFirst().orElseThrow();
        assertThat(back.statementFor(dropbear, "CVE-2023-48795")).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(s.justification()).isEqualTo("vulnerable_code_not_present");
        });
    }
}
