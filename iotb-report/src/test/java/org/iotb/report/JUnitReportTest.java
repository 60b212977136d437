package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iotb.assess.Applicable;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
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
                    || v.verdict() == VerdictValue.NOT_ASSESSED
                    || v.verdict() == VerdictValue.PASS && v.basis() == Basis.DECLARED).count();
            assertThat(Integer.parseInt(s.getAttribute("tests"))).isEqualTo(applicable);
            assertThat(s.getElementsByTagName("testcase").getLength()).isEqualTo((int) applicable);
            assertThat(s.getElementsByTagName("failure").getLength()).isEqualTo((int) fails);
            assertThat(s.getElementsByTagName("skipped").getLength()).isEqualTo((int) skipped);
        }
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isNotBlank();
        assertThat(failure.getTextContent()).contains("remediation:");
    }

    private static Document parse(Assessment a) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JUnitReport.render(a).getBytes(StandardCharsets.UTF_8)));
    }

    /** The test case of one requirement. */
    private static Element testcase(Document d, String standard, String requirement) {
        NodeList cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").startsWith(standard + ".") && c.getAttribute("name").startsWith(requirement + " ")) {
                return c;
            }
        }
        throw new AssertionError("no test case " + standard + " " + requirement);
    }

    private static String property(Element e, String name) {
        NodeList props = e.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }

    @Test
    void aPassOnADeclarationAloneIsSkippedNotPassedAndEveryCaseNamesItsBasis() throws Exception {
        Assessment a = SampleAssessments.v2();
        Document d = parse(a);
        // declared only: skipped with a message saying so
        Element declared = testcase(d, "etsi-en-303-645", "5.2-1");
        assertThat(property(declared, "basis")).isEqualTo("declared");
        assertThat(((Element) declared.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .startsWith("pass on declaration only, not verified by evidence: declared; not verifiable automatically");
        // declared and examined by evidence: passes, its basis on system-out
        Element consistent = testcase(d, "etsi-en-303-645", "5.1-1");
        assertThat(property(consistent, "basis")).isEqualTo("declared+consistent");
        assertThat(consistent.getElementsByTagName("skipped").getLength()).isZero();
        assertThat(consistent.getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("basis: declared+consistent (declared, consistent with evidence)");
        // verified: a plain passed test
        Element verified = testcase(d, "xiaomi-iot-baseline", "3.2.6");
        assertThat(property(verified, "basis")).isEqualTo("verified");
        assertThat(verified.getElementsByTagName("skipped").getLength() + verified.getElementsByTagName("failure").getLength()
                + verified.getElementsByTagName("system-out").getLength()).isZero();
        // the suite says how its passes split
        Element etsi = (Element) d.getElementsByTagName("testsuite").item(0);
        assertThat(property(etsi, "passes.verified")).isEqualTo("0");
        assertThat(property(etsi, "passes.declared")).isEqualTo("1");
        assertThat(property(etsi, "passes.declared+consistent")).isEqualTo("1");
        assertThat(property(etsi, "passes")).isEqualTo("2 passes: 0 verified, 2 declared (1 consistent with evidence, 1 declared only)");
    }

    @Test
    void aConflictIsAFailureMarkedAsSuch() throws Exception {
        Element c = testcase(parse(SampleAssessments.v1()), "etsi-en-303-645", "5.1-1");
        assertThat(property(c, "conflict")).isEqualTo("true");
        assertThat(property(c, "basis")).isEqualTo("verified");
        assertThat(((Element) c.getElementsByTagName("failure").item(0)).getAttribute("message")).startsWith("conflict: declared Y");
    }

    @Test
    void declarationsAloneGiveNoPassedTest() throws Exception {
        Document d = parse(SampleAssessments.declarationsOnly());
        Element all = d.getDocumentElement();
        int tests = Integer.parseInt(all.getAttribute("tests"));
        assertThat(tests).isPositive();
        assertThat(Integer.parseInt(all.getAttribute("failures")) + Integer.parseInt(all.getAttribute("skipped"))).isEqualTo(tests);
        assertThat(d.getElementsByTagName("skipped").getLength()).isEqualTo(tests);
    }
}
