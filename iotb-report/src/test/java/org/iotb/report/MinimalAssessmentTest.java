package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.iotb.assess.Assessment;
import org.junit.jupiter.api.Test;

/** A hand-written or truncated assessment JSON with only the version must still render, not crash. */
class MinimalAssessmentTest {
    @Test
    void everyRendererCopesWithAnAlmostEmptyAssessment() throws Exception {
        Assessment a = Assessment.read(new ByteArrayInputStream("{\"schemaVersion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(HtmlReport.render(a)).contains("unnamed product");
        assertThat(SarifReport.render(a)).contains("\"results\"");
        assertThat(JUnitReport.render(a)).contains("tests=\"0\"");
        assertThat(OscalReport.render(a)).contains("assessment-results");
        assertThat(DiffReport.text(DiffReport.compare(a, a))).contains("old: unnamed product");
        assertThat(ExitCodes.of(a, ExitCodes.FailOn.ANY)).isZero();
    }
}
