package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.ArrayList;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.lab.LabObservation;
import org.iotb.assess.lab.LabRecord;
import org.iotb.assess.lab.LabResult;

/**
 * The test lab's cover block (who assessed what for whom, when) and its observations, set apart from everything the
 * manufacturer stated: only rendered when the assessment has a lab record ({@code assess --lab}).
 */
public final class LabSection {
    private LabSection() {
    }

    public static void render(StringBuilder b, Assessment a) {
        LabRecord lab = a.lab();
        if (lab == null) {
            return;
        }
        // a box of its own (not .imagebox, which keeps a box on one page and would push the observations' long
        // table, and the whole cover, to the next PDF page)
        b.append("<div id=\"lab\" style=\"border:2px solid #1d2733;border-radius:6px;padding:8px 12px;margin:10px 0\">\n")
                .append("<h2 style=\"margin-top:4px\">Test lab record</h2>\n")
                .append("<p class=\"sub\">Stated by the test lab; the manufacturer's statements are the product profile and"
                        + " the declarations.</p>\n<table class=\"grid\" style=\"width:auto\">\n");
        if (lab.laboratory() != null) {
            row(b, "Laboratory", lab.laboratory().name());
            row(b, "Accreditation", lab.laboratory().accreditation());
        }
        row(b, "Client", lab.client());
        row(b, "Report", lab.reportId());
        if (lab.dates() != null) {
            row(b, "Testing", join(" to ", lab.dates().start(), lab.dates().end()));
            row(b, "Issued", lab.dates().issue());
        }
        LabRecord.DeviceUnderTest d = lab.deviceUnderTest();
        if (d != null) {
            row(b, "Device under test", join(", ", d.model(), d.hardwareVersion() == null ? null : "hardware " + d.hardwareVersion(),
                    d.firmwareVersion() == null ? null : "firmware " + d.firmwareVersion()));
            row(b, "Units (serials)", d.serials().isEmpty() ? null : String.join(", ", d.serials()));
        }
        row(b, "Tester", lab.tester());
        row(b, "Reviewer", lab.reviewer());
        row(b, "Approver", lab.approver());
        b.append("</table>\n");
        observations(b, a, lab);
        b.append("</div>\n");
    }

    private static void observations(StringBuilder b, Assessment a, LabRecord lab) {
        if (lab.observations().isEmpty()) {
            b.append("<p>The lab recorded no observations of its own.</p>\n");
            return;
        }
        long decisive = lab.observations().stream()
                .filter(o -> o.result() == LabResult.PASS || o.result() == LabResult.FAIL).count();
        b.append("<h3>Lab observations</h3>\n<p class=\"sub\">").append(lab.observations().size())
                .append(" observation(s); ").append(decisive).append(" with a pass or fail, which the verdicts weigh as"
                        + " observed evidence (a lab fail outranks a declaration; docs/assessment.md).</p>\n")
                .append("<table class=\"grid\"><tr><th>Id</th><th>Requirement</th><th>Unit, test case</th><th>What was done</th>"
                        + "<th>Result</th><th>Attachments (SHA-256)</th></tr>\n");
        for (LabObservation o : lab.observations()) {
            b.append("<tr><td class=\"mono\" style=\"white-space:nowrap\">").append(esc(o.id())).append("</td><td class=\"mono\">");
            List<String> links = new ArrayList<>();
            for (String key : o.verdicts().isEmpty() ? List.of(o.requirement()) : o.verdicts()) {
                int colon = key.indexOf(':');
                links.add(a.verdict(key.substring(0, colon), key.substring(colon + 1))
                        .map(v -> "<a href=\"#" + Overview.anchor(v) + "\">" + esc(key) + "</a>").orElse(esc(key)));
            }
            b.append(String.join("<br/>", links)).append("</td><td>").append(esc(join(", ", o.unit(), o.testCase())))
                    .append("</td><td>").append(esc(o.done())).append("</td><td>").append(result(o.result()))
                    .append("</td><td class=\"mono\">");
            for (LabObservation.Attachment att : o.attachments()) {
                b.append("<a href=\"").append(esc(href(att.file()))).append("\">").append(esc(att.file())).append("</a> ")
                        .append(esc(att.sha256())).append("<br/>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    /** The result in words on a verdict colour (pass/fail/inconclusive; info is plain). */
    private static String result(LabResult r) {
        String cls = switch (r) {
            case PASS -> "v-pass";
            case FAIL -> "v-fail";
            case INCONCLUSIVE -> "v-inconclusive";
            case INFO -> "v-not-applicable";
        };
        return "<span class=\"badge " + cls + "\">" + r.id() + "</span>";
    }

    private static String href(String relative) {
        StringBuilder out = new StringBuilder();
        for (String part : relative.split("/")) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    private static void row(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append("<tr><th style=\"text-align:left\">").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
        }
    }

    private static String join(String sep, String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p);
            }
        }
        return out.isEmpty() ? null : String.join(sep, out);
    }
}
