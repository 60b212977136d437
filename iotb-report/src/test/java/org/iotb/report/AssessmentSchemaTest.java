package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import org.iotb.assess.Assessment;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;

/** The assessment JSON against its own published JSON Schema (iotb-assess: org/iotb/assess/assessment-schema-3.0.json). */
class AssessmentSchemaTest {
    private static JsonSchema schema() throws Exception {
        try (InputStream in = Assessment.class.getResourceAsStream("/org/iotb/assess/assessment-schema-3.0.json")) {
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
}
