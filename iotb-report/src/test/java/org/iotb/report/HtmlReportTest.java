package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HtmlReportTest {
    private static final Assessment A = SampleAssessments.v1();

    @Test
    void isWellFormedXhtmlForThePdfRenderer() throws Exception {
        for (String html : new String[] {HtmlReport.render(A), HtmlReport.renderForPdf(A)}) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            assertThat(d.getDocumentElement().getLocalName()).isEqualTo("html");
        }
    }

    @Test
    void referencesNothingOutsideThePage() {
        String html = HtmlReport.render(A);
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img").doesNotContain("@import");
        Matcher m = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            assertThat(m.group(1)).as("only in-page links").startsWith("#");
        }
        assertThat(html).doesNotContainPattern("url\\((?!#)");
    }

    @Test
    void showsTotalsLevelAndEveryRequirement() {
        String html = HtmlReport.render(A);
        assertThat(html).contains(SampleAssessments.PRODUCT);
        for (StandardSummary s : A.summary()) {
            assertThat(html).contains("<b>" + s.count(VerdictValue.FAIL) + "</b> fail");
            assertThat(html).contains(">" + s.total() + "</text>");
        }
        assertThat(html).contains("Xiaomi security level: " + A.levels().get("xiaomi-iot-baseline").level().toUpperCase());
        for (Verdict v : A.verdicts()) {
            assertThat(html).contains("id=\"" + "r-" + v.key().replaceAll("[^A-Za-z0-9_-]", "_") + "\"");
        }
        assertThat(html).contains("<polyline").contains("telnetd").contains("etc/inittab:3");
        assertThat(html).contains("Does not conform");
    }

    @Test
    void escapesHostileTextAndStaysWellFormed() throws Exception {
        String html = HtmlReport.render(SampleAssessments.withHostileMessage());
        assertThat(html).doesNotContain("<b onmouseover").contains("&lt;b onmouseover").doesNotContain("\u0001");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
