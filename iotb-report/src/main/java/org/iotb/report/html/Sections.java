package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.ArrayList;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;

/**
 * The order of the report: the manager's page first, then what the engineer verifies line by line. The list of
 * {@link Section}s is the one place of that order: the page, its table of contents and the PDF's bookmarks all
 * follow it. A new section (a test-record layout, a lab's cover block) is one more entry in {@link #standard()}.
 */
public final class Sections {
    private Sections() {
    }

    /** The sections in reading order; a fresh, modifiable list, so a caller can insert its own. */
    public static List<Section> standard() {
        List<Section> s = new ArrayList<>();
        s.add(Section.of("glance", "At a glance", (b, a, pdf) -> {
            Overview.glance(b, a);
            if (!pdf) {
                Overview.level(b, a); // the PDF has the levels on its cover
            }
            Overview.legend(b);
        }));
        s.add(Section.of("fix-first", "What to fix first", (b, a, pdf) -> FixFirst.render(b, a)));
        s.add(Section.of("sbom", "Components and vulnerabilities", (b, a, pdf) -> SbomSection.render(b, a, pdf)));
        // the vulnerability data the judgements rest on, and the lab's VEX triage (#13)
        s.add(Section.of("vulnerabilities", "Vulnerability data and triage",
                (b, a, pdf) -> VulnerabilitySection.render(b, a)));
        s.add(Section.of("heatmap", "Clause by clause", (b, a, pdf) -> HeatMap.render(b, a)).withStandards());
        s.add(Section.of("profile", "Product profile", (b, a, pdf) -> ProductSection.profile(b, a)));
        s.add(Section.of("images", "Firmware images", (b, a, pdf) -> ProductSection.images(b, a)));
        s.add(Section.of("device", "Device service inventory", (b, a, pdf) -> ProductSection.deviceServices(b, a)));
        s.add(Section.of("cross", "Evidence across inputs", (b, a, pdf) -> CrossInputSection.render(b, a)));
        s.add(Section.of("requirements", "Requirements", RequirementTable::render).withStandards());
        // #14: EN 303 645 laid out as ETSI TS 103 701 records it (test group, case, unit)
        s.add(Section.of(TestRecordSection.ANCHOR, "TS 103 701 layout", TestRecordSection::render));
        s.add(Section.of("inputs", "Inputs", (b, a, pdf) -> Overview.inputs(b, a)));
        s.add(Section.of("annex", "Annex: evidence behind the failures", (b, a, pdf) -> Annex.render(b, a))
                .only(Section.Medium.PDF));
        return s;
    }

    /** A section rendered for one assessment, with the standards its sub-headings are anchored to. */
    public record Rendered(Section section, String html, List<StandardSummary> standards) {
    }

    /** Renders the sections that have something to say for this assessment, in order. */
    public static List<Rendered> render(List<Section> sections, Assessment a, boolean pdf) {
        List<Rendered> out = new ArrayList<>();
        for (Section s : sections) {
            if (!s.shownIn(pdf)) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            s.body().render(b, a, pdf);
            if (b.length() > 0) {
                out.add(new Rendered(s, b.toString(), s.perStandard() ? a.summary() : List.of()));
            }
        }
        return out;
    }

    /** The anchor of a standard's sub-heading in a per-standard section: "requirements-etsi-en-303-645". */
    public static String anchor(String sectionId, String standard) {
        return sectionId + "-" + standard.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The title page part every page starts with: what was assessed and the bottom line. */
    public static void top(StringBuilder b, Assessment a) {
        Overview.header(b, a);
        LabSection.render(b, a); // the test lab's cover block and observations (nothing without a lab record)
        Overview.bottomLine(b, a);
    }

    /**
     * The PDF's cover page: what was assessed, when and by what, the bottom line and each standard's status. A lab's
     * record (lab, client, report number, device under test) belongs here too: add it after the bottom line.
     */
    public static void cover(StringBuilder b, Assessment a) {
        b.append("<div class=\"cover\" id=\"cover\">\n");
        top(b, a);
        b.append("<table class=\"grid cover-standards\"><tr><th>Standard</th><th>Status</th><th>Passes</th></tr>\n");
        for (StandardSummary s : a.summary()) {
            b.append("<tr><td><b>").append(esc(Overview.standardName(s))).append("</b><br/><span class=\"sub\">")
                    .append(esc(s.title())).append("</span></td><td>");
            Overview.status(b, s);
            b.append("</td><td>").append(esc(org.iotb.report.BasisText.passSplit(s))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        Overview.level(b, a);
        b.append("</div>\n");
    }

    public static void footer(StringBuilder b, Assessment a) {
        b.append("<p class=\"sub generated\">Generated by ")
                .append(esc(a.tool() == null ? "iotb" : a.tool().name() + " " + a.tool().version()))
                .append(" from the assessment JSON (schema ").append(esc(a.schemaVersion()))
                .append("). Verdict rules: docs/assessment.md.</p>\n");
    }

    /** The sticky table of contents: every section, and under a per-standard one each standard. */
    public static void toc(StringBuilder b, List<Rendered> rendered) {
        b.append("<nav class=\"toc\" id=\"toc\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p><ol>");
        for (Rendered r : rendered) {
            b.append("<li><a href=\"#").append(r.section().id()).append("\">").append(esc(r.section().title())).append("</a>");
            if (!r.standards().isEmpty()) {
                b.append("<ol>");
                for (StandardSummary s : r.standards()) {
                    b.append("<li><a href=\"#").append(anchor(r.section().id(), s.standard())).append("\">")
                            .append(esc(Overview.standardLabel(s))).append("</a></li>");
                }
                b.append("</ol>");
            }
            b.append("</li>");
        }
        b.append("</ol></nav>\n");
    }

    /** The PDF outline (openhtmltopdf reads {@code <bookmarks>} in the head): the same tree as the contents. */
    public static void bookmarks(StringBuilder b, List<Rendered> rendered) {
        b.append("<bookmarks><bookmark name=\"Cover\" href=\"#cover\"/>");
        for (Rendered r : rendered) {
            b.append("<bookmark name=\"").append(esc(r.section().title())).append("\" href=\"#").append(r.section().id()).append("\">");
            for (StandardSummary s : r.standards()) {
                b.append("<bookmark name=\"").append(esc(Overview.standardLabel(s))).append("\" href=\"#")
                        .append(anchor(r.section().id(), s.standard())).append("\"/>");
            }
            b.append("</bookmark>");
        }
        b.append("</bookmarks>\n");
    }
}
