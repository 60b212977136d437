package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.List;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.iotb.model.Outcome;
import org.iotb.report.RootCauses;

/**
 * The PDF's annex: the evidence behind the failures, once per root cause (a check's findings with their file:line
 * or host:port, and its remediation), in the order of "What to fix first". A failing check bears on several
 * standards' twins; listing its evidence under each requirement made the PDF three times longer for nothing.
 * The HTML keeps the per-requirement details (collapsed); the JSON has everything.
 */
final class Annex {
    private Annex() {
    }

    static void render(StringBuilder b, Assessment a) {
        List<RootCauses.Cause> causes = RootCauses.ranked(a);
        if (causes.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"annex\" class=\"annex\">Annex: evidence behind the failures</h2>\n")
                .append("<p class=\"sub\">Each root cause of a failed mandatory requirement, in the order of What to fix first: the")
                .append(" requirements it fails, its failing findings with their evidence, and how to fix it.</p>\n");
        int n = 0;
        for (RootCauses.Cause c : causes) {
            n++;
            b.append("<div class=\"annex-item\" id=\"annex-").append(n).append("\"><h3>").append(n).append(". ")
                    .append(FixFirst.severityBadge(c)).append(' ');
            if (c.declared()) {
                b.append("declared unsupported: ").append(esc(c.title())).append("</h3>");
            } else {
                b.append("<span class=\"mono\">").append(esc(c.id())).append("</span> ").append(esc(c.title() == null ? "" : c.title()))
                        .append("</h3>");
            }
            b.append("<div class=\"kv\"><b>Fails:</b> ");
            FixFirst.requirementLinks(b, a, c);
            b.append("</div>");
            if (c.declared()) {
                var d = c.requirements().get(0).declaration();
                b.append("<div class=\"kv\"><b>Declaration:</b> ").append(esc(d == null ? "" : d.support() + " " + (d.detail() == null ? "" : d.detail())))
                        .append("</div>");
            } else {
                List<AssessedFinding> failing = a.findings().stream()
                        .filter(f -> f.check().equals(c.id()) && f.outcome() == Outcome.FAIL).toList();
                RequirementTable.findings(b, failing);
                String fix = Checks.find(c.id()).map(CheckDescriptor::remediation).orElse(null);
                if (fix != null && !fix.isBlank()) {
                    b.append("<div class=\"kv\"><b>Remediation:</b> ").append(esc(fix)).append("</div>");
                }
            }
            b.append("</div>\n");
        }
    }
}
