package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `iotb scan firmware`, `iotb sbom` and `iotb unpack` on the bundled example images. */
class ScanAndSbomCommandsTest {

    @Test
    void scanFirmwareJsonHasTheDocumentedShapeAndFindsPlantedWeaknesses() throws Exception {
        Cli c = Cli.run("scan", "firmware", "-q", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--format", "json");
        assertThat(c.exit).as(c.err).isEqualTo(1);
        JsonNode r = Json.mapper().readTree(c.out);
        assertThat(r.get("targetSha256").asText()).hasSize(64);
        for (JsonNode f : r.get("findings")) {
            assertThat(f.has("check") && f.has("outcome") && f.has("message")).isTrue();
            assertThat(f.get("outcome").asText()).isIn("pass", "fail", "warning", "info", "error", "not-run");
        }
        assertThat(outcome(r, "fw.cred.default-password")).isEqualTo("fail");
        assertThat(outcome(r, "fw.key.private-key")).isEqualTo("fail");
        assertThat(outcome(r, "fw.tls.verification-disabled")).isEqualTo("fail");
        JsonNode evidence = finding(r, "fw.cred.default-password").get("evidence").get(0);
        assertThat(evidence.get("path").asText()).endsWith("etc/shadow");
    }

    @Test
    void scanFirmwareSarifIsSarif() throws Exception {
        Cli c = Cli.run("scan", "firmware", "-q", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--format", "sarif");
        JsonNode s = Json.mapper().readTree(c.out);
        assertThat(s.get("version").asText()).isEqualTo("2.1.0");
        assertThat(s.at("/runs/0/tool/driver/name").asText()).isEqualTo("iotb");
    }

    @Test
    void sbomFindsTheDebianVersionsShipped(@TempDir Path dir) throws Exception {
        Path bom = dir.resolve("bom.json");
        Cli c = Cli.run("sbom", "-q", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "--format", "cyclonedx", "-o", bom.toString());
        assertThat(c.exit).as(c.err).isZero();
        JsonNode b = Json.mapper().readTree(bom.toFile());
        assertThat(b.get("specVersion").asText()).isEqualTo("1.6");
        // versions from examples/smart-lock/firmware/licenses.txt (Debian 12 armhf packages)
        assertThat(b.get("components").toString()).contains("1.35.0").contains("2022.83");
    }

    @Test
    void unpackWritesAManifestAndNothingOutsideTheOutputDirectory(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x");
        Cli c = Cli.run("unpack", Cli.example("firmware/sl100-1.4.2-unit1.bin"), "-o", out.toString());
        assertThat(c.exit).as(c.err).isZero();
        JsonNode m = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(m.get("entries").toString()).contains("etc/shadow");
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("x");
        }
    }

    @Test
    void missingImageIsBadInput() {
        assertThat(Cli.run("scan", "firmware", "/nonexistent/fw.bin").exit).isEqualTo(2);
        assertThat(Cli.run("sbom", "/nonexistent/fw.bin").exit).isEqualTo(2);
    }

    private static JsonNode finding(JsonNode r, String check) {
        for (JsonNode f : r.get("findings")) {
            if (f.get("check").asText().equals(check)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + check + " in " + r);
    }

    private static String outcome(JsonNode r, String check) {
        return finding(r, check).get("outcome").asText();
    }
}
