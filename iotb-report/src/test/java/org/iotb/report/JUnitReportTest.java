package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iotb.assess.Applicable;
import org.iotb.assess.Assessment;
import org.iotb.assess.VerdictValue;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {
    @Test
    void suitePerStandardCasePerApplicableRequirement() throws Exception {
        Assessment a = SampleAssessments.v1();
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JUnitReport.render(a).getBytes(StandardCharsets.UTF_8)));
        NodeList suites = d.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(a.summary().size());
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            String std = s.getAttribute("name");
            long applicable = a.verdictsOf(std).stream().filter(v -> v.applicable() != Applicable.NO).count();
            long fails = a.verdictsOf(std).stream().filter(v -> v.verdict() == VerdictValue.FAIL).count();
            long skipped = a.verdictsOf(std).stream().filter(v -> v.verdict() == VerdictValue.INCONCLUSIVE
                    || v.verdict() == VerdictValue.NOT_ASSESSED).count();
            assertThat(Integer.parseInt(s.getAttribute("tests"))).isEqualTo(applicable);
            assertThat(s.getElementsByTagName("testcase").getLength()).isEqualTo((int) applicable);
            assertThat(s.getElementsByTagName("failure").getLength()).isEqualTo((int) fails);
            assertThat(s.getElementsByTagName("skipped").getLength()).isEqualTo((int) skipped);
        }
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isNotBlank();
        assertThat(failure.getTextContent()).contains("remediation:");
    }
}
