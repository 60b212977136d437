package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.lab.LabObservation;
import org.iotb.assess.lab.LabRecord;
import org.iotb.assess.lab.LabResult;
import org.iotb.model.Json;
import org.junit.jupiter.api.Test;

/** The assessment's {@code lab} object against its published schema, and the HTML cover block it gives. */
class LabRecordSchemaTest {
    static final LabRecord LAB = new LabRecord(new LabRecord.Laboratory("Test House", "ISO/IEC 17025 no. 1"), "Acme",
            "TH-7", new LabRecord.Dates("2026-11-02", "2026-11-20", "2026-11-27"),
            new LabRecord.DeviceUnderTest("L1", "rev B", "1.2", List.of("S-1")), "A", "B", null,
            List.of(new LabObservation("OBS-1", "etsi-en-303-645:5.1-1", "S-1", "T-1", "tried the label password",
                    LabResult.FAIL, List.of(new LabObservation.Attachment("attachments/pcb photo.png", "a".repeat(64), 10,
                    Path.of("/somewhere/pcb photo.png"))), List.of("etsi-en-303-645:5.1-1"))));

    private static JsonSchema schema() throws Exception {
        try (InputStream in = LabRecord.class.getResourceAsStream("/org/iotb/assess/lab/lab-record-schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void theLabObjectConformsAndNamesNoPathOfTheLabsMachine() throws Exception {
        Assessment a = SampleAssessments.v1().withLab(LAB);
        JsonNode tree = Json.mapper().readTree(a.toJson());
        assertThat(schema().validate(tree.get("lab"))).isEmpty();
        assertThat(tree.get("lab").toString()).doesNotContain("/somewhere");
        ((ObjectNode) tree.get("lab").get("observations").get(0)).put("result", "looks fine");
        assertThat(schema().validate(tree.get("lab"))).isNotEmpty();
    }

    @Test
    void theHtmlHasTheCoverBlockOnlyWithALabRecord() {
        String with = HtmlReport.render(SampleAssessments.v1().withLab(LAB));
        assertThat(with).contains("Test lab record").contains("TH-7").contains("2026-11-02 to 2026-11-20")
                .contains("href=\"attachments/pcb%20photo.png\"").contains("tried the label password");
        assertThat(with.indexOf("Test lab record")).isLessThan(with.indexOf("<h2 id=\"glance\">At a glance"));
        assertThat(HtmlReport.render(SampleAssessments.v1())).doesNotContain("Test lab record");
    }
}
