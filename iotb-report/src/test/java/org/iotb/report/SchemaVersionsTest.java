package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.conformance.ConformanceStatement;
import org.iotb.model.Json;
import org.iotb.report.ics.IcsWriter;
import org.junit.jupiter.api.Test;

/**
 * `iotb report` and `iotb diff` read assessments of schema 1.0 (written before the levels and the conformance
 * statements moved into the assessment) as well as 2.0. The 1.0 files are the golden outputs of the smart-lock
 * example (iotb-cli's golden guard: the assessment JSON as iotb 1.0 wrote it, normalised, beside its ICS CSVs).
 */
class SchemaVersionsTest {

    /** The golden file's assessment with its schema version put back: an assessment.json as 1.0 wrote it. */
    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(SchemaVersionsTest.class.getResourceAsStream("/schema-1.0/" + name + ".golden.json.gz"))) {
            return Json.mapper().readTree(in);
        }
    }

    private static Assessment readV1(JsonNode golden) throws IOException {
        ObjectNode a = golden.get("assessment").deepCopy();
        a.put("schemaVersion", "1.0");
        assertThat(a.has("xiaomiLevel")).isTrue();
        return read(Json.mapper().writeValueAsString(a));
    }

    private static Assessment read(String json) throws IOException {
        return Assessment.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aV1AssessmentReadsAsV2WithItsLevelAndTheSameConformanceStatements() throws IOException {
        JsonNode golden = golden("example-sl100-1.4.2");
        Assessment a = readV1(golden);
        assertThat(a.schemaVersion()).isEqualTo("3.2");
        assertThat(a.levels()).containsOnlyKeys("xiaomi-iot-baseline");
        assertThat(a.levels().get("xiaomi-iot-baseline").label()).isEqualTo("Xiaomi security level");
        assertThat(a.levels().get("xiaomi-iot-baseline").level()).isEqualTo("high");
        assertThat(a.levels().get("xiaomi-iot-baseline").reason())
                .isEqualTo(golden.at("/assessment/xiaomiLevel/reason").asText());
        assertThat(a.profile().declared()).extracting("xiaomi").asString()
                .contains("personal-data").contains("integrity-impact").doesNotContain("personalData");
        // The statements 1.0 rendered from the profile and declarations: the same five columns as the golden ICS
        // files, except the rows issue #12 rewrites on purpose: answers carried from an equivalent requirement,
        // contradicted rows, 5.3-10's status as Table B.1 writes it, and Xiaomi 5.3 now deciding on device.telemetry.
        assertThat(a.conformance()).hasSize(3);
        for (ConformanceStatement cs : a.conformance()) {
            List<String> ours = IcsWriter.csv(cs).lines().toList();
            List<String> theirs = golden.at("/files/ics-" + cs.standard() + ".csv").asText().lines().toList();
            assertThat(ours).hasSameSizeAs(theirs);
            int rewritten = 0;
            for (int i = 1; i < ours.size(); i++) {
                List<String> row = fields(ours.get(i));
                boolean onPurpose = !row.get(9).isEmpty() || row.get(10).equals("yes")
                        || (cs.standard().equals("etsi-en-303-645") && row.get(0).equals("5.3-10"))
                        || (cs.standard().equals("xiaomi-iot-baseline") && row.get(0).equals("5.3"));
                if (onPurpose) {
                    rewritten++;
                } else {
                    assertThat(row.subList(0, 5)).as(cs.standard() + " " + row.get(0)).isEqualTo(fields(theirs.get(i)));
                }
            }
            assertThat(rewritten).as(cs.standard()).isLessThan(ours.size() - 1);
        }
        assertThat(HtmlReport.render(a)).contains("Xiaomi security level: HIGH");
        // Written again, it is a 2.0 file that reads back unchanged.
        Assessment again = read(a.toJson());
        assertThat(again.toJson()).isEqualTo(a.toJson());
    }

    /**
     * An assessment.json as iotb 2.0 wrote it for the bundled example's weak release (the 2.0 engine's golden output,
     * src/test/resources/schema-2.0, with the golden normalisation undone: levels, kebab-case profile keys, version
     * and date put back). 2.0 had no basis; `iotb report` recovers it on read and every format shows it.
     */
    private static Assessment readV2() throws IOException {
        try (InputStream in = new GZIPInputStream(SchemaVersionsTest.class.getResourceAsStream(
                "/schema-2.0/example-sl100-1.4.2.assessment.json.gz"))) {
            JsonNode tree = Json.mapper().readTree(in);
            assertThat(tree.get("schemaVersion").asText()).isEqualTo("2.0");
            assertThat(tree.get("verdicts").get(0).has("basis")).isFalse();
            return read(Json.mapper().writeValueAsString(tree));
        }
    }

    @Test
    void aV2AssessmentReRendersWithWhatEachPassRestsOn() throws Exception {
        Assessment a = readV2();
        assertThat(a.schemaVersion()).isEqualTo("3.2");
        StandardSummary etsi = a.summary().get(0);
        assertThat(etsi.standard()).isEqualTo("etsi-en-303-645");
        // issue #12: "in the bundled example all 9 EN 303 645 passes rest on declarations alone"
        assertThat(BasisText.passSplit(etsi)).isEqualTo("9 passes: 0 verified, 9 declared only");
        StandardSummary xiaomi = a.summary().get(2);
        assertThat(BasisText.passSplit(xiaomi)).isEqualTo("3 passes: 3 verified, 0 declared");

        String html = HtmlReport.render(a);
        assertThat(html).contains("<p class=\"split\">9 passes: 0 verified, 9 declared only</p>")
                .contains(Xml.esc("3 of 12 passes were verified by evidence; 9 rest on the manufacturer's declarations"))
                .contains("class=\"basis b-declared\"").contains("class=\"conflict-badge\"");
        String junit = JUnitReport.render(a);
        assertThat(junit.split(java.util.regex.Pattern.quote("<skipped message=\"" + JUnitReport.DECLARED_ONLY), -1)).hasSize(10);
        assertThat(Json.mapper().readTree(SarifReport.render(a))
                .at("/runs/0/properties/passesByBasis/etsi-en-303-645/declared").asInt()).isEqualTo(9);
        assertThat(OscalReport.render(a)).containsPattern("\"value\"\\s*:\\s*\"declared\"");
    }

    /** The fields of one RFC 4180 CSV line. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    @Test
    void diffComparesAV1AndAV2AssessmentAsTwoV1Ones() throws IOException {
        Assessment old = readV1(golden("example-sl100-1.4.2"));
        Assessment neuV1 = readV1(golden("example-sl100-1.5.0"));
        Assessment neuV2 = read(neuV1.toJson());
        DiffReport.Diff both1 = DiffReport.compare(old, neuV1);
        DiffReport.Diff mixed = DiffReport.compare(old, neuV2);
        assertThat(both1.changes()).isPositive();
        assertThat(DiffReport.json(mixed)).isEqualTo(DiffReport.json(both1));
    }
}
