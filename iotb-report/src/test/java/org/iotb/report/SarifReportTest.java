package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iotb.assess.Assessment;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.model.Severity;
import org.junit.jupiter.api.Test;

/** SARIF output validated against the official OASIS SARIF 2.1.0 schema (src/test/resources/sarif). */
class SarifReportTest {
    private static JsonSchema schema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private static void assertValid(String sarif) throws Exception {
        Set<ValidationMessage> errors = schema().validate(Json.mapper().readTree(sarif));
        assertThat(errors).as("SARIF schema violations").isEmpty();
    }

    @Test
    void assessmentSarifValidatesAndLocatesFindingsInTheImage() throws Exception {
        Assessment a = SampleAssessments.v1();
        String sarif = SarifReport.render(a);
        assertValid(sarif);
        JsonNode run = Json.mapper().readTree(sarif).get("runs").get(0);
        List<String> ruleIds = new ArrayList<>();
        run.get("tool").get("driver").get("rules").forEach(r -> ruleIds.add(r.get("id").asText()));
        assertThat(ruleIds).contains("assess.unique.credentials", "fw.svc.telnet");
        JsonNode telnet = null;
        int results = 0;
        for (JsonNode r : run.get("results")) {
            results++;
            assertThat(ruleIds.get(r.get("ruleIndex").asInt())).isEqualTo(r.get("ruleId").asText());
            if (r.get("ruleId").asText().equals("fw.svc.telnet")) {
                telnet = r;
            }
        }
        long expected = a.findings().stream().filter(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARNING).count();
        assertThat(results).isEqualTo((int) expected);
        assertThat(telnet).isNotNull();
        JsonNode loc = telnet.get("locations").get(0).get("physicalLocation");
        assertThat(loc.get("artifactLocation").get("uri").asText()).isEqualTo("etc/inittab");
        assertThat(loc.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("p100-1.0.bin");
        assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(3);
        assertThat(run.get("originalUriBaseIds").has("p100-1.0.bin")).isTrue();
        List<String> reqs = new ArrayList<>();
        telnet.get("properties").get("requirements").forEach(n -> reqs.add(n.asText()));
        assertThat(reqs).contains("etsi-en-303-645:5.6-1");
        assertThat(telnet.get("level").asText()).isEqualTo("error");
    }

    @Test
    void resultsNameTheVerdictsTheyBearOnWithTheirBasisAndTheRunSplitsThePasses() throws Exception {
        Assessment a = SampleAssessments.v1();
        String sarif = SarifReport.render(a);
        assertValid(sarif);
        JsonNode run = Json.mapper().readTree(sarif).get("runs").get(0);
        JsonNode password = null;
        for (JsonNode r : run.get("results")) {
            JsonNode verdicts = r.get("properties").get("verdicts");
            List<String> keys = new ArrayList<>();
            verdicts.forEach(v -> keys.add(v.get("requirement").asText()));
            List<String> reqs = new ArrayList<>();
            r.get("properties").get("requirements").forEach(n -> reqs.add(n.asText()));
            assertThat(keys).isEqualTo(reqs);
            if (r.get("ruleId").asText().equals("fw.cred.default-password")) {
                password = r;
            }
        }
        assertThat(password).isNotNull();
        JsonNode v511 = null;
        for (JsonNode v : password.get("properties").get("verdicts")) {
            if (v.get("requirement").asText().equals("etsi-en-303-645:5.1-1")) {
                v511 = v;
            }
        }
        assertThat(v511).isNotNull();
        assertThat(v511.get("verdict").asText()).isEqualTo("fail");
        assertThat(v511.get("basis").asText()).isEqualTo("verified");
        assertThat(v511.get("conflict").asBoolean()).isTrue();
        JsonNode props = run.get("properties");
        for (org.iotb.assess.StandardSummary s : a.summary()) {
            JsonNode split = props.get("passesByBasis").get(s.standard());
            assertThat(split.get("pass").asInt()).isEqualTo(s.count(org.iotb.assess.VerdictValue.PASS));
            assertThat(split.get("verified").asInt() + split.get("declared+consistent").asInt() + split.get("declared").asInt()
                    + split.get("inferred").asInt()).isEqualTo(split.get("pass").asInt());
            assertThat(split.get("text").asText()).isEqualTo(BasisText.passSplit(s));
        }
        assertThat(props.get("passesByBasis").get("etsi-en-303-645").get("declared").asInt()).isEqualTo(1);
        assertThat(props.get("verified").asText()).startsWith("1 of 3 passes were verified by evidence");
        assertThat(props.get("conflicts").get(0).get("requirement").asText()).isEqualTo("etsi-en-303-645:5.1-1");
    }

    @Test
    void scanResultSarifValidatesWithOddPathsAndNetworkEvidence() throws Exception {
        ScanResult scan = new ScanResult("iotb", "/tmp/fw image.bin", "a".repeat(64), List.of(
                Finding.fail("fw.cred.default-password", Severity.LOW, "weak", List.of(Evidence.line("/etc/pass wd", 2, "root:x"))),
                new Finding("net.svc.telnet", Outcome.WARNING, null, "telnet open",
                        List.of(Evidence.network("::1", 23, "telnet", null, "login:")), null),
                Finding.fail("fw.key.private-key", Severity.HIGH, "key", List.of(Evidence.offset("lib/fw%.bin", 4096, null))),
                Finding.pass("fw.elf.pie", "ok", List.of(Evidence.file("bin/x")))), List.of(), null);
        String sarif = SarifReport.render(scan);
        assertValid(sarif);
        JsonNode results = Json.mapper().readTree(sarif).get("runs").get(0).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("level").asText()).isEqualTo("warning");
        assertThat(results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("etc/pass%20wd");
        assertThat(results.get(1).get("locations").get(0).get("logicalLocations").get(0).get("name").asText()).isEqualTo("::1:23");
        assertThat(results.get(2).get("locations").get(0).get("physicalLocation").get("region").get("byteOffset").asInt()).isEqualTo(4096);
    }

    @Test
    void invalidSarifIsRejectedByTheSchema() throws Exception {
        Set<ValidationMessage> errors = schema().validate(Json.mapper().readTree("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}"));
        assertThat(errors).as("a run without a tool is invalid").isNotEmpty();
    }
}
