package org.iotb.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iotb.assess.Assessment;
import org.iotb.report.HtmlReport;
import org.iotb.report.SampleAssessments;
import org.junit.jupiter.api.Test;

/** The "TS 103 701 layout" section renders the assessment's test record: group → case → unit → verdict. */
class TestRecordSectionTest {

    @Test
    void rendersTheTestGroupsCasesAndUnitsOfEn303645() throws Exception {
        Assessment a = SampleAssessments.v1();
        String html = HtmlReport.render(a);
        assertThat(html).contains("<h2 id=\"ts-103-701\">TS 103 701 layout</h2>")
                .contains("Test group 5.1-1").contains("5.1-1-2 <i>functional</i> (1-AuthMech)")
                .contains("<td class=\"id\">5.1-1-2c</td><td>1-AuthMech</td>")
                .contains("a lab test decides it");
        // one section, for EN 303 645 only (the MTSFB twins' records stay in the JSON)
        assertThat(html.split("Test group 5.1-1</b>", -1)).hasSize(2);
        String pdf = HtmlReport.renderForPdf(a);
        // the PDF keeps groups and cases (units stay in the HTML and the JSON, to keep the PDF short)
        assertThat(pdf).doesNotContain("<summary>Test units</summary>").doesNotContain("<td class=\"id\">5.1-1-2c</td>")
                .contains("5.1-1-2 <i>functional</i> (1-AuthMech)").contains("the HTML report and the assessment JSON");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))); // well-formed
    }

    @Test
    void noRecordNoSection() {
        Assessment a = SampleAssessments.v1();
        Assessment without = a.withConformance(a.conformance().stream().map(c -> c.withTestRecord(null)).toList());
        assertThat(HtmlReport.render(without)).doesNotContain("TS 103 701 layout");
    }
}
