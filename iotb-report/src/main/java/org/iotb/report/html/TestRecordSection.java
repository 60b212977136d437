package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.assess.VerdictValue;
import org.iotb.assess.conformance.ConformanceStatement;
import org.iotb.assess.testrecord.CaseOutcome;
import org.iotb.assess.testrecord.GroupOutcome;
import org.iotb.assess.testrecord.TestRecord;
import org.iotb.assess.testrecord.UnitOutcome;

/**
 * "TS 103 701 layout": the assessment as a lab records it under ETSI TS 103 701 — a row per test group (one per
 * EN 303 645 provision), its conceptual and functional test cases with the IXIT tables they read, and (collapsed)
 * every test unit with its verdict and reason. Rendered from the assessment's {@code testRecord} alone, for the
 * standard the specification tests (the record of each group names that standard's own provision); the records of
 * crosswalk twins (MTSFB) stay in the JSON.
 */
public final class TestRecordSection {
    public static final String ANCHOR = "ts-103-701";

    private TestRecordSection() {
    }

    public static void render(StringBuilder b, Assessment a, boolean expanded) {
        TestRecord record = a.conformance().stream().map(ConformanceStatement::testRecord)
                .filter(r -> r != null && !r.groups().isEmpty()
                        && r.groups().stream().allMatch(g -> g.provision().equals(g.requirement())))
                .findFirst().orElse(null);
        if (record == null) {
            return;
        }
        b.append("<h2 id=\"").append(ANCHOR).append("\">TS 103 701 layout</h2>\n");
        b.append("<p class=\"sub\">The assessment as a test lab records it under ").append(esc(record.specification()))
                .append(": a test group per provision; a conceptual test case (does the design the IXIT describes meet")
                .append(" it? decided by the manufacturer's answers) and a functional one (does the device do it? decided")
                .append(" by checks and probes); each split into test units. Units only a lab can test are not assessed.")
                .append(" Test ids and IXIT tables: ").append(esc(record.source())).append(".</p>\n");
        b.append("<p class=\"split\">Test units: ").append(esc(counts(record.units())))
                .append(expanded ? " (each unit's verdict and reason: the HTML report and the assessment JSON)" : "")
                .append("</p>\n");
        b.append("<table class=\"grid reqs\"><tr><th>Test group</th><th>Verdict</th><th>Test cases</th></tr>\n");
        for (GroupOutcome g : record.groups()) {
            b.append("<tr id=\"tg-").append(esc(g.provision())).append("\"><td class=\"id\">").append(esc(g.provision()))
                    .append("</td><td class=\"verdict\">").append(Labels.badge(g.verdict()));
            String basis = Labels.basisBadge(g.basis());
            if (!basis.isEmpty()) {
                b.append("<br/>").append(basis);
            }
            b.append("</td><td><b>").append(esc(g.group())).append("</b> ").append(esc(g.title() == null ? "" : g.title()));
            for (CaseOutcome c : g.cases()) {
                b.append("<br/>").append(esc(c.id())).append(" <i>").append(esc(c.kind())).append("</i> (")
                        .append(esc(String.join(", ", c.ixitTables()))).append("): ").append(Labels.badge(c.verdict()))
                        .append(' ').append(esc(c.reason()));
            }
            if (g.note() != null) {
                b.append("<br/><span class=\"sub\">").append(esc(g.note())).append("</span>");
            }
            if (expanded) {
                // the PDF stays short: group and case verdicts only; the units are in the HTML report and the JSON
                b.append("</td></tr>\n");
                continue;
            }
            b.append("<details><summary>Test units</summary><div class=\"detail\">");
            b.append("<table class=\"grid\"><tr><th>Unit</th><th>IXIT</th><th>Verdict</th><th>Test and outcome</th></tr>\n");
            for (CaseOutcome c : g.cases()) {
                for (UnitOutcome u : c.units()) {
                    b.append("<tr><td class=\"id\">").append(esc(u.unit())).append("</td><td>").append(esc(u.ixit()))
                            .append("</td><td>").append(Labels.badge(u.verdict()));
                    String ub = Labels.basisBadge(u.basis());
                    if (!ub.isEmpty()) {
                        b.append("<br/>").append(ub);
                    }
                    b.append("</td><td>").append(esc(u.text() == null ? "" : u.text())).append("<br/><span class=\"sub\">")
                            .append(esc(u.reason() == null ? "" : u.reason())).append("</span></td></tr>\n");
                }
            }
            b.append("</table>");
            b.append("</div></details></td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String counts(Map<String, Integer> units) {
        StringBuilder s = new StringBuilder();
        for (VerdictValue v : Labels.ORDER) {
            int n = units.getOrDefault(v.id(), 0);
            if (n > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(Labels.label(v));
            }
        }
        return s.length() == 0 ? "none" : s.toString();
    }
}
