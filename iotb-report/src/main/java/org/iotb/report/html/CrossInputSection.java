package org.iotb.report.html;

import java.util.List;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.Assessor;

/** Evidence no single tool gives: per-unit uniqueness and firmware-versus-device cross-checks. */
final class CrossInputSection {
    private CrossInputSection() {
    }

    static void render(StringBuilder b, Assessment a) {
        List<AssessedFinding> derived = a.findings().stream()
                .filter(f -> Assessor.DERIVED_SOURCE.equals(f.source())).toList();
        if (derived.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"cross\">Evidence across inputs</h2>\n<p class=\"sub\">Secrets compared between units of the")
                .append(" product, and what the firmware says compared with what the device does.</p>\n<div class=\"detail\" style=\"border:none;margin-left:0;padding-left:0\">");
        RequirementTable.findings(b, derived);
        b.append("</div>\n");
    }
}
