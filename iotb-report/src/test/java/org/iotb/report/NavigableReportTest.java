package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.VerdictValue;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.report.html.Labels;
import org.junit.jupiter.api.Test;

/** Issue #14, "a report people navigate": contents, filters, root causes by severity, SBOM table, PDF outline. */
class NavigableReportTest {
    private static final Assessment A = SampleAssessments.v1();

    @Test
    void everyContentsLinkLeadsToAnAnchorOfThePageAndEachStandardIsListed() throws Exception {
        String html = HtmlReport.render(A);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes("UTF-8")));
        String toc = html.substring(html.indexOf("<nav class=\"toc\""), html.indexOf("</nav>"));
        Matcher m = Pattern.compile("href=\"#([^\"]+)\"").matcher(toc);
        List<String> targets = new ArrayList<>();
        while (m.find()) {
            targets.add(m.group(1));
        }
        assertThat(targets).contains("fix-first", "heatmap", "requirements", "requirements-etsi-en-303-645",
                "requirements-xiaomi-iot-baseline", "heatmap-mtsfb-tc-g044");
        for (String t : targets) {
            assertThat(html).as(t).contains("id=\"" + t + "\"");
        }
        // sections with nothing to say are left out of the page and the contents: v1 has no SBOM
        assertThat(targets).doesNotContain("sbom");
    }

    @Test
    void filtersAreHiddenUntilTheScriptRunsAndEveryRowCarriesWhatTheyRead() {
        String html = HtmlReport.render(A);
        assertThat(html).contains("<form class=\"filters\" id=\"filters\" hidden=\"hidden\"").contains("<script>//<![CDATA[");
        long rows = Pattern.compile("<tr id=\"r-[^\"]*\" class=\"req\" ").matcher(html).results().count();
        assertThat(rows).isEqualTo(A.verdicts().size());
        assertThat(html).contains("data-verdict=\"fail\" data-basis=\"verified\" data-status=\"mandatory\" data-severity=\"critical\"");
        // the PDF has neither script nor form, and no collapsed details
        String pdf = HtmlReport.renderForPdf(A);
        assertThat(pdf).doesNotContain("<script").doesNotContain("<form").doesNotContain("<details").contains("<bookmarks>");
    }

    @Test
    void everyVerdictReadsAsTextIconAndColourWithAaContrast() {
        String css = HtmlReport.css();
        for (VerdictValue v : Labels.ORDER) {
            assertThat(Labels.badge(v)).contains(Labels.icon(v)).contains(Labels.label(v));
            Matcher m = Pattern.compile("\\.v-" + v.id() + " \\{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6}); }").matcher(css);
            assertThat(m.find()).as(v.id()).isTrue();
            // the heat map's white on orange was 2.4:1
            assertThat(BasisBadgesTest.contrast(m.group(2), m.group(1))).as(v.id()).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(Labels.ORDER.stream().map(Labels::icon).distinct().count()).isEqualTo(Labels.ORDER.size());
    }

    @Test
    void rootCausesAreRankedBySeverityAndListEveryRequirementTheyFail() {
        List<RootCauses.Cause> causes = RootCauses.ranked(A);
        for (int i = 1; i < causes.size(); i++) {
            assertThat(rank(causes.get(i - 1))).as(causes.get(i).id()).isGreaterThanOrEqualTo(rank(causes.get(i)));
        }
        RootCauses.Cause first = causes.get(0);
        assertThat(first.id()).isEqualTo("fw.cred.default-password");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        String html = HtmlReport.render(A);
        String fix = html.substring(html.indexOf("id=\"fix-first\""), html.indexOf("id=\"heatmap\""));
        // every failed mandatory requirement is reachable from its cause (before: only the first 12, in catalog order)
        A.verdicts().stream().filter(v -> v.verdict() == VerdictValue.FAIL && v.mandatory())
                .forEach(v -> assertThat(fix).contains("href=\"#r-" + v.key().replaceAll("[^A-Za-z0-9_-]", "_") + "\""));
        assertThat(fix.indexOf("fw.cred.default-password")).isLessThan(fix.indexOf("fw.svc.telnet"));
    }

    private static int rank(RootCauses.Cause c) {
        return c.declared() ? 0 : c.severity() == null ? 1 : c.severity().ordinal() + 2;
    }

    @Test
    void sbomTableListsComponentsAndPutsKnownExploitedFirst() {
        Map<String, Object> inventory = Map.of("components", List.of(
                Map.of("name", "BusyBox", "version", "1.35.0", "purl", "pkg:generic/busybox@1.35.0", "source", "signature"),
                Map.of("name", "OpenSSL", "version", "1.0.2k", "source", "signature")));
        List<AssessedFinding> extra = new ArrayList<>(A.findings());
        extra.add(new AssessedFinding("fw.bin", "sbom.inventory", Outcome.INFO, null, "2 components", List.of(), inventory));
        extra.add(new AssessedFinding("fw.bin", "sbom.component-vulnerable", Outcome.FAIL, Severity.CRITICAL, "OpenSSL", List.of(),
                Map.of("component", Map.of("name", "OpenSSL", "version", "1.0.2k"),
                        "vulnerabilities", List.of(Map.of("id", "CVE-2016-2108", "severity", "critical", "cvss", 9.8)))));
        Map<String, Object> exploited = new LinkedHashMap<>();
        exploited.put("id", "CVE-2022-28391");
        exploited.put("severity", "high");
        exploited.put("knownExploited", true);
        extra.add(new AssessedFinding("fw.bin", "sbom.component-vulnerable", Outcome.WARNING, Severity.HIGH, "BusyBox", List.of(),
                Map.of("component", Map.of("name", "BusyBox", "version", "1.35.0"), "vulnerabilities", List.of(exploited))));
        Assessment a = new Assessment(A.schemaVersion(), A.tool(), A.createdAt(), A.product(), A.inputs(), A.profile(), A.levels(),
                extra, A.verdicts(), A.summary(), A.conformance(), A.images(), A.timings(), A.warnings());
        String html = HtmlReport.render(a);
        String sbom = html.substring(html.indexOf("id=\"sbom\""), html.indexOf("id=\"heatmap\""));
        assertThat(sbom).contains("2 components identified").contains("pkg:generic/busybox@1.35.0");
        // the known-exploited high comes before the critical nobody is known to exploit
        assertThat(sbom.indexOf("CVE-2022-28391")).isLessThan(sbom.indexOf("CVE-2016-2108"));
        assertThat(sbom).contains("<span class=\"kev\"");
        assertThat(html).contains("href=\"#sbom\">Components and vulnerabilities</a>");
        assertThat(HtmlReport.render(A)).doesNotContain("id=\"sbom\"");
    }

    @Test
    void pdfHasACoverAnOutlineRunningHeadsAndTheEvidenceInAnAnnex() throws Exception {
        try (PDDocument doc = Loader.loadPDF(PdfReport.render(A))) {
            List<String> top = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                top.add(item.getTitle());
                if (item.getTitle().equals("Requirements")) {
                    List<String> children = new ArrayList<>();
                    item.children().forEach(c -> children.add(c.getTitle()));
                    assertThat(children).containsExactly("EN 303 645", "MTSFB TC G044", "Xiaomi IoT baseline");
                }
            }
            assertThat(top).startsWith("Cover", "At a glance", "What to fix first").contains("Requirements",
                    "Annex: evidence behind the failures");
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String cover = text.getText(doc);
            assertThat(cover).contains("Security assessment: Acme").contains("Bottom line").doesNotContain("page 1 of");
            int pages = doc.getNumberOfPages();
            text.setStartPage(2);
            text.setEndPage(2);
            assertThat(text.getText(doc)).contains("Security assessment: Acme").contains("page 2 of " + pages);
            text.setStartPage(pages);
            text.setEndPage(pages);
            // the last page is not an orphan: more than the running head, the footer and one closing line
            assertThat(text.getText(doc).strip().length()).isGreaterThan(400);
        }
    }
}
