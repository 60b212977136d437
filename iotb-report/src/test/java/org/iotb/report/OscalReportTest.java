package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.iotb.assess.Assessment;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;

/** Structure required by the OSCAL 1.1.2 assessment-results model (uuid, token and state constraints). */
class OscalReportTest {
    private static final Pattern UUID_V45 = Pattern.compile(
            "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$");
    private static final Pattern TOKEN = Pattern.compile("^(\\p{L}|_)(\\p{L}|\\p{N}|[.\\-_])*$");

    @Test
    void assessmentResultsHaveTheRequiredShape() throws Exception {
        Assessment a = SampleAssessments.v1();
        String json = OscalReport.render(a);
        assertThat(json).isEqualTo(OscalReport.render(a)); // deterministic
        JsonNode ar = Json.mapper().readTree(json).get("assessment-results");
        assertThat(ar.get("uuid").asText()).matches(UUID_V45);
        assertThat(ar.get("metadata").get("oscal-version").asText()).isEqualTo("1.1.2");
        assertThat(ar.get("import-ap").get("href").asText()).isNotBlank();
        JsonNode result = ar.get("results").get(0);
        for (String required : new String[] {"uuid", "title", "description", "start", "reviewed-controls"}) {
            assertThat(result.has(required)).as(required).isTrue();
        }
        JsonNode controls = result.get("reviewed-controls").get("control-selections").get(0).get("include-controls");
        assertThat(controls).hasSize(a.verdicts().size());
        controls.forEach(c -> assertThat(c.get("control-id").asText()).matches(TOKEN));
        Set<String> observationIds = new HashSet<>();
        for (JsonNode o : result.get("observations")) {
            assertThat(o.get("uuid").asText()).matches(UUID_V45);
            assertThat(o.get("methods").get(0).asText()).isIn("EXAMINE", "TEST", "INTERVIEW");
            assertThat(observationIds.add(o.get("uuid").asText())).isTrue();
        }
        long decided = a.verdicts().stream().filter(v -> v.verdict() == VerdictValue.PASS || v.verdict() == VerdictValue.FAIL).count();
        assertThat(result.get("findings")).hasSize((int) decided);
        Verdict failing = a.verdict("etsi-en-303-645", "5.1-1").orElseThrow();
        assertThat(failing.verdict()).isEqualTo(VerdictValue.FAIL);
        JsonNode f = null;
        for (JsonNode x : result.get("findings")) {
            assertThat(x.get("target").get("target-id").asText()).matches(TOKEN);
            x.path("related-observations").forEach(r -> assertThat(observationIds).contains(r.get("observation-uuid").asText()));
            if (x.get("target").get("target-id").asText().equals("etsi-en-303-645_5.1-1")) {
                f = x;
            }
        }
        assertThat(f).isNotNull();
        assertThat(f.get("target").get("status").get("state").asText()).isEqualTo("not-satisfied");
        assertThat(f.get("related-observations").size()).isGreaterThanOrEqualTo(2); // the failing check and the declaration
    }

    /** Every OSCAL finding, by target id. */
    private static Map<String, JsonNode> findings(JsonNode result) {
        Map<String, JsonNode> out = new HashMap<>();
        result.get("findings").forEach(f -> out.put(f.get("target").get("target-id").asText(), f));
        return out;
    }

    private static String prop(JsonNode finding, String name) {
        for (JsonNode p : finding.path("props")) {
            if (p.get("name").asText().equals(name)) {
                assertThat(p.get("ns").asText()).isEqualTo(OscalReport.NS);
                return p.get("value").asText();
            }
        }
        return null;
    }

    /** The methods of the observations a finding relates to. */
    private static Set<String> methods(JsonNode result, JsonNode finding) {
        Map<String, JsonNode> observations = new HashMap<>();
        result.get("observations").forEach(o -> observations.put(o.get("uuid").asText(), o));
        Set<String> out = new TreeSet<>();
        finding.path("related-observations").forEach(r -> observations.get(r.get("observation-uuid").asText())
                .get("methods").forEach(m -> out.add(m.asText())));
        return out;
    }

    @Test
    void eachFindingSaysWhatItRestsOnAndItsObservationMethodsFollow() throws Exception {
        Assessment a = SampleAssessments.v2();
        JsonNode result = Json.mapper().readTree(OscalReport.render(a)).get("assessment-results").get("results").get(0);
        Map<String, JsonNode> findings = findings(result);
        for (Verdict v : a.verdicts()) {
            JsonNode f = findings.get(OscalReport.token(v.key()));
            if (f != null) {
                assertThat(prop(f, "basis")).as(v.key()).isEqualTo(v.basis().id());
                assertThat(f.get("target").get("status").get("remarks").asText()).startsWith("rests on: " + BasisText.label(v.basis()));
            }
        }
        // declared only: the manufacturer's word (INTERVIEW) and nothing else
        assertThat(methods(result, findings.get("etsi-en-303-645_5.2-1"))).containsExactly("INTERVIEW");
        // declared, and the firmware examined it: both
        assertThat(methods(result, findings.get("etsi-en-303-645_5.1-1"))).containsExactly("EXAMINE", "INTERVIEW");
        // verified from the firmware: examined, no interview
        assertThat(methods(result, findings.get("xiaomi-iot-baseline_3.2.6"))).containsExactly("EXAMINE");
        // what the live device answered is a test
        boolean deviceTest = false;
        for (JsonNode o : result.get("observations")) {
            if (o.get("title").asText().startsWith("net.tls.legacy-protocol")) {
                assertThat(o.get("methods").get(0).asText()).isEqualTo("TEST");
                deviceTest = true;
            }
        }
        assertThat(deviceTest).isTrue();
        assertThat(result.get("remarks").asText()).contains("etsi-en-303-645: 2 passes: 0 verified, 2 declared");
    }

    @Test
    void aConflictIsAProp() throws Exception {
        Assessment a = SampleAssessments.v1();
        JsonNode result = Json.mapper().readTree(OscalReport.render(a)).get("assessment-results").get("results").get(0);
        JsonNode f = findings(result).get("etsi-en-303-645_5.1-1");
        assertThat(prop(f, "conflict")).isEqualTo("true");
        assertThat(prop(findings(result).get("etsi-en-303-645_5.2-1"), "conflict")).isNull();
    }
}
