package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;

/** The assessment JSON against its own published JSON Schema (iotb-assess: org/iotb/assess/assessment-schema-3.2.json). */
class AssessmentSchemaTest {
    private static JsonSchema schema() throws Exception {
        try (InputStream in = Assessment.class.getResourceAsStream("/org/iotb/assess/assessment-schema-3.2.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void sampleAssessmentsConform() throws Exception {
        for (Assessment a : new Assessment[] {SampleAssessments.v1(), SampleAssessments.v2()}) {
            assertThat(schema().validate(Json.mapper().readTree(a.toJson()))).isEmpty();
        }
    }

    @Test
    void schemaRejectsAnUnknownVerdict() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(SampleAssessments.v1().toJson());
        ((ObjectNode) tree.get("verdicts").get(0)).put("verdict", "probably-fine");
        JsonNode bad = tree;
        assertThat(schema().validate(bad)).isNotEmpty();
    }

    @Test
    void theStatedVulnerabilityDataOf31Conforms() throws Exception {
        org.iotb.assess.VulnerabilityData data = new org.iotb.assess.VulnerabilityData(List.of(
                new org.iotb.assess.VulnerabilityData.Source("starter", 58, java.time.LocalDate.of(2024, 7, 1), null),
                new org.iotb.assess.VulnerabilityData.Source("nvd", 1200, java.time.LocalDate.of(2026, 11, 30),
                        java.time.Instant.parse("2026-12-01T08:00:00Z"))),
                1258, java.time.LocalDate.of(2026, 11, 30), 2L, false, 30);
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(SampleAssessments.v2().withVulnerabilityData(data).toJson());
        assertThat(tree.path("vulnerabilityData").path("newestRecord").asText()).isEqualTo("2026-11-30");
        assertThat(schema().validate(tree)).isEmpty();
        ((ObjectNode) tree.get("vulnerabilityData")).put("newestRecord", "last week");
        assertThat(schema().validate(tree)).isNotEmpty();
    }
}
