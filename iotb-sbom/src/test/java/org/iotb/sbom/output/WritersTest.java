package org.iotb.sbom.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.iotb.model.Json;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.TestTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritersTest {
    static final String SHA = "6f83f1dac5de040233132fa0eaf9099895aa639570c238813364d5dd5fd83811";

    Sbom sbom(Path dir) throws IOException {
        return new SbomBuilder().build(TestTrees.oldRouter(dir), SbomOptions.of("tl-wr841n.bin", SHA));
    }

    @Test
    void cycloneDxValidatesAgainstThe16Schema(@TempDir Path dir) throws Exception {
        String json = new CycloneDxWriter().toJson(sbom(dir));
        List<ParseException> errors = new JsonParser().validate(json, org.cyclonedx.Version.VERSION_16);
        assertThat(errors).isEmpty();
        JsonNode n = Json.mapper().readTree(json);
        assertThat(n.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(n.path("metadata").path("component").path("type").asText()).isEqualTo("firmware");
        assertThat(n.path("metadata").path("component").path("hashes").get(0).path("content").asText()).isEqualTo(SHA);
        JsonNode ssl = null;
        for (JsonNode c : n.path("components")) {
            if (c.path("name").asText().equals("OpenSSL")) {
                ssl = c;
            }
        }
        assertThat(ssl).isNotNull();
        assertThat(ssl.path("purl").asText()).isEqualTo("pkg:generic/openssl@1.0.1f");
        assertThat(ssl.path("cpe").asText()).isEqualTo("cpe:2.3:a:openssl:openssl:1.0.1f:*:*:*:*:*:*:*");
        assertThat(ssl.path("evidence").path("occurrences").get(0).path("location").asText())
                .isEqualTo("usr/lib/libcrypto.so.1.0.0");
        assertThat(n.path("dependencies").get(0).path("dependsOn")).hasSize(n.path("components").size());
        // the validation is real: the same document without a component name is rejected
        com.fasterxml.jackson.databind.node.ObjectNode broken = (com.fasterxml.jackson.databind.node.ObjectNode) n.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("components").get(0)).remove("name");
        assertThat(new JsonParser().validate(broken, org.cyclonedx.Version.VERSION_16)).isNotEmpty();
        // parse back with the library
        assertThat(new JsonParser().parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getComponents())
                .hasSize(5);
    }

    @Test
    void cycloneDxWithVulnerabilitiesValidates(@TempDir Path dir) throws Exception {
        String json = new CycloneDxWriter().toJson(sbom(dir), org.iotb.sbom.vuln.VulnDb.bundled());
        assertThat(new JsonParser().validate(json, org.cyclonedx.Version.VERSION_16)).isEmpty();
        JsonNode n = Json.mapper().readTree(json);
        JsonNode hb = null;
        for (JsonNode v : n.path("vulnerabilities")) {
            if (v.path("id").asText().equals("CVE-2014-0160")) {
                hb = v;
            }
        }
        assertThat(hb).isNotNull();
        assertThat(hb.path("ratings").get(0).path("severity").asText()).isEqualTo("high");
        assertThat(hb.path("affects").get(0).path("ref").asText()).isEqualTo("pkg:generic/openssl@1.0.1f");
    }

    @Test
    void cycloneDxOfAnEmptySbomValidatesToo() throws Exception {
        Sbom empty = new Sbom(new Sbom.Subject("x", null), List.of(), List.of(), null);
        assertThat(new JsonParser().validate(new CycloneDxWriter().toJson(empty), org.cyclonedx.Version.VERSION_16))
                .isEmpty();
    }

    @Test
    void spdxHasTheRequiredStructure(@TempDir Path dir) throws Exception {
        Sbom sbom = sbom(dir);
        String json = new SpdxWriter().toJson(sbom);
        JsonNode n = Json.mapper().readTree(json);
        for (String field : List.of("spdxVersion", "dataLicense", "SPDXID", "name", "documentNamespace",
                "creationInfo", "packages", "relationships")) {
            assertThat(n.has(field)).as(field).isTrue();
        }
        assertThat(n.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(n.path("dataLicense").asText()).isEqualTo("CC0-1.0");
        assertThat(n.path("creationInfo").path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(n.path("creationInfo").path("creators").get(0).asText()).startsWith("Tool: iotb-");
        Set<String> ids = new HashSet<>();
        for (JsonNode p : n.path("packages")) {
            assertThat(ids.add(p.path("SPDXID").asText())).as("unique " + p.path("SPDXID")).isTrue();
            assertThat(p.path("SPDXID").asText()).matches("SPDXRef-[A-Za-z0-9.-]+");
            assertThat(p.path("downloadLocation").asText()).isEqualTo("NOASSERTION");
            assertThat(p.has("filesAnalyzed")).isTrue();
        }
        assertThat(n.path("packages")).hasSize(sbom.components().size() + 1);
        JsonNode image = n.path("packages").get(0);
        assertThat(image.path("checksums").get(0).path("checksumValue").asText()).isEqualTo(SHA);
        assertThat(image.path("checksums").get(0).path("algorithm").asText()).isEqualTo("SHA256");
        int describes = 0;
        int contains = 0;
        for (JsonNode r : n.path("relationships")) {
            assertThat(ids.contains(r.path("relatedSpdxElement").asText())).isTrue();
            if (r.path("relationshipType").asText().equals("DESCRIBES")) {
                describes++;
                assertThat(r.path("spdxElementId").asText()).isEqualTo("SPDXRef-DOCUMENT");
            } else if (r.path("relationshipType").asText().equals("CONTAINS")) {
                contains++;
                assertThat(r.path("spdxElementId").asText()).isEqualTo("SPDXRef-Image");
            }
        }
        assertThat(describes).isEqualTo(1);
        assertThat(contains).isEqualTo(sbom.components().size());
        assertThat(json).contains("\"referenceType\" : \"cpe23Type\"", "\"referenceType\" : \"purl\"");
        // two documents of the same image get different namespaces
        assertThat(Json.mapper().readTree(new SpdxWriter().toJson(sbom)).path("documentNamespace").asText())
                .isNotEqualTo(n.path("documentNamespace").asText());
    }

    @Test
    void tableListsEveryComponent(@TempDir Path dir) throws Exception {
        Sbom sbom = sbom(dir);
        String text = SbomFormat.TABLE.render(sbom);
        assertThat(text).contains("OpenSSL", "1.0.1f", "BusyBox", "1.19.4", "wolfSSL", "5 components");
    }
}
