package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
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
        // the filters' few lines of script are inline (issue #14); nothing is loaded
        assertThat(html).doesNotContain("<script src").doesNotContain("<link").doesNotContain("<img").doesNotContain("@import");
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

    /** The text between the tags of the element that starts at {@code marker} (one level, no nesting of the same tag). */
    private static String element(String html, String marker, String closing) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isNotNegative();
        return html.substring(start, html.indexOf(closing, start));
    }

    @Test
    void everyCardAndTableSplitsPassesIntoVerifiedAndDeclared() {
        // v2: EN 303 645 has a declared-only pass (5.2-1) and a declared pass that evidence examined (5.1-1);
        // Xiaomi a pass the firmware verified (3.2.6, fw.elf.pie)
        Assessment a = SampleAssessments.v2();
        String html = HtmlReport.render(a);
        for (StandardSummary s : a.summary()) {
            long passes = a.verdictsOf(s.standard()).stream().filter(v -> v.verdict() == VerdictValue.PASS).count();
            long verified = a.verdictsOf(s.standard()).stream()
                    .filter(v -> v.verdict() == VerdictValue.PASS && v.basis() == Basis.VERIFIED).count();
            String split = BasisText.passSplit(s);
            if (passes > 0) {
                assertThat(split).startsWith(passes + (passes == 1 ? " pass: " : " passes: ") + verified + " verified, ");
            }
            // the glance card and the standard's requirement table
            assertThat(html.split(Pattern.quote("<p class=\"split\">" + split + "</p>"), -1)).as(s.standard()).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(html).contains("<p class=\"split\">2 passes: 0 verified, 2 declared (1 consistent with evidence, 1 declared only)</p>")
                .contains("<p class=\"split\">1 pass: 1 verified, 0 declared</p>");
        // the bottom line says how much was verified
        assertThat(element(html, "id=\"bottom-line\"", "</div>"))
                .contains(Xml.esc("1 of 5 passes were verified by evidence; 4 rest on the manufacturer's declarations"
                        + " (2 consistent with evidence, 2 declared only)."));
    }

    @Test
    void eachVerdictCarriesABadgeOfWhatItRestsOnInWordsAndALegendExplainsThem() {
        Assessment a = SampleAssessments.v2();
        String html = HtmlReport.render(a);
        assertThat(row(html, a, "etsi-en-303-645", "5.2-1")).contains("class=\"basis b-declared\"").contains(">declared only</span>");
        assertThat(row(html, a, "etsi-en-303-645", "5.1-1")).contains("class=\"basis b-declared-consistent\"")
                .contains(">declared, consistent with evidence</span>");
        assertThat(row(html, a, "xiaomi-iot-baseline", "3.2.6")).contains("class=\"basis b-verified\"").contains(">verified</span>");
        for (Verdict v : a.verdicts()) {
            if (v.basis() != Basis.NONE) {
                assertThat(row(html, a, v.standard(), v.requirement())).as(v.key()).contains("basis b-" + BasisText.cssId(v.basis()));
            }
        }
        String legend = element(html, "id=\"basis-legend\"", "</table>");
        for (Basis b : new Basis[] {Basis.VERIFIED, Basis.DECLARED_CONSISTENT, Basis.DECLARED, Basis.INFERRED}) {
            assertThat(legend).contains(">" + BasisText.label(b) + "</span>").contains(Xml.esc(BasisText.meaning(b)));
        }
        assertThat(legend).contains(">conflict</span>");
        // the heat map marks declared passes in text, not by colour alone
        // (each cell: the verdict's icon, the id, the mark, and the verdict in words for screen readers)
        assertThat(html).contains("</span> 5.2-1 d<span class=\"sr\"> pass</span>").contains("</span> 5.1-1 d<span class=\"sr\">")
                .contains("</span> 3.2.6<span class=\"sr\"> pass</span>");
    }

    @Test
    void conflictsAreMarkedOnTheVerdictAndListedUpFront() {
        String html = HtmlReport.render(A);
        Verdict conflict = A.verdict("etsi-en-303-645", "5.1-1").orElseThrow();
        assertThat(conflict.conflict()).isTrue();
        assertThat(row(html, A, "etsi-en-303-645", "5.1-1")).contains("class=\"conflict-badge\"")
                .contains("<span class=\"conflict\">" + Xml.esc(conflict.reason()) + "</span>");
        String list = element(html, "id=\"conflicts\"", "</div>");
        // the declaration carried to the MTSFB twin (6.1(a)) is contradicted by the same evidence, and the profile omits the
        // login interface the image shows (Xiaomi 3.1.2)
        assertThat(list).contains("3 conflicts between automated evidence and a claim")
                .contains("EN 303 645 5.1-1").contains(Xml.esc(conflict.reason()));
        assertThat(row(html, A, "etsi-en-303-645", "5.2-1")).doesNotContain("conflict-badge");
        assertThat(html).contains("</span> 5.1-1 !<span class=\"sr\"> fail</span>");
    }

    @Test
    void anAssessmentOnDeclarationsAloneSaysPlainlyThatNothingWasVerified() {
        Assessment a = SampleAssessments.declarationsOnly();
        assertThat(a.summary().get(0).count(VerdictValue.PASS)).isEqualTo(5);
        String html = HtmlReport.render(a);
        String bottom = element(html, "id=\"bottom-line\"", "</div>");
        assertThat(bottom).contains(Xml.esc("Nothing was verified by evidence: all 10 passes rest on the manufacturer's declarations."))
                .doesNotContain("callout ok");
        assertThat(html).contains("<p class=\"split\">5 passes: 0 verified, 5 declared only</p>")
                .contains("<p class=\"split\">no passes</p>");
        // the only "verified" badge is the legend's
        assertThat(html.split(Pattern.quote("class=\"basis b-verified\""), -1)).hasSize(2);
    }

    @Test
    void anAllPassOnDeclarationsAloneIsNotGreen() {
        // issue #12: Y to every question, no firmware, no device used to read "every applicable requirement of every
        // standard passes" in green
        Assessment a = SampleAssessments.everythingDeclared();
        assertThat(a.summary()).allSatisfy(s -> {
            assertThat(s.count(VerdictValue.FAIL) + s.count(VerdictValue.INCONCLUSIVE) + s.count(VerdictValue.NOT_ASSESSED)).isZero();
            assertThat(s.passes(Basis.DECLARED)).isEqualTo(s.count(VerdictValue.PASS)).isPositive();
        });
        String html = HtmlReport.render(a);
        assertThat(element(html, "<div class=\"callout amber\" id=\"bottom-line\"", "</div>"))
                .contains("every applicable requirement of every standard passes.")
                .contains(Xml.esc("Nothing was verified by evidence: all " + a.verdicts().stream()
                        .filter(v -> v.verdict() == VerdictValue.PASS).count() + " passes rest on the manufacturer's declarations."));
        assertThat(html).doesNotContain("status-line status-ok").doesNotContain("class=\"callout ok\"")
                .contains(Xml.esc("Every applicable requirement passes, " + a.summary().get(0).count(VerdictValue.PASS)
                        + " on the manufacturer's word alone"));
        assertThat(JUnitReport.render(a)).doesNotContainPattern("<testcase [^>]*>\\s*<properties>[^\\n]*</properties>\\s*</testcase>");
    }

    /** The table row of one requirement. */
    private static String row(String html, Assessment a, String standard, String requirement) {
        Verdict v = a.verdict(standard, requirement).orElseThrow();
        return element(html, "<tr id=\"r-" + v.key().replaceAll("[^A-Za-z0-9_-]", "_") + "\"", "</tr>");
    }

    @Test
    void escapesHostileTextAndStaysWellFormed() throws Exception {
        String html = HtmlReport.render(SampleAssessments.withHostileMessage());
        assertThat(html).doesNotContain("<b onmouseover").contains("&lt;b onmouseover").doesNotContain("\u0001");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
