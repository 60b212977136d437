package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
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
            assertThat(o.get("methods").get(0).asText()).isIn("TEST", "INTERVIEW");
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
}
