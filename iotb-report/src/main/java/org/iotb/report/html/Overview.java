package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
import org.iotb.assess.InputRecord;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.report.BasisText;
import org.iotb.report.RootCauses;

/** The first page: what was assessed, the verdict per standard, the product levels, and what to fix first. */
final class Overview {
    private Overview() {
    }

    static String standardName(StandardSummary s) {
        String name = s.shortTitle() != null && !s.shortTitle().isBlank() ? s.shortTitle() : s.standard();
        return s.version() == null || s.version().isBlank() ? name : name + " " + s.version();
    }

    static String anchor(Verdict v) {
        return "r-" + v.key().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static void header(StringBuilder b, Assessment a) {
        b.append("<h1>Security assessment: ").append(esc(a.product().displayName())).append("</h1>\n");
        String when = a.createdAt() == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC).format(a.createdAt());
        b.append("<p class=\"sub\">Assessed ").append(esc(when)).append(" by ")
                .append(esc(a.tool() == null ? "iotb" : a.tool().name() + " " + a.tool().version()))
                .append(" against ").append(a.summary().size()).append(" standard(s) from ")
                .append(a.inputs().size()).append(" input(s). Schema ").append(esc(a.schemaVersion())).append(".</p>\n");
    }

    /**
     * One sentence a manager can repeat: which standards fail, how much still needs evidence, and how much of what
     * passes was verified by evidence rather than declared (an all-pass that rests on declarations is not green).
     */
    static void bottomLine(StringBuilder b, Assessment a) {
        List<String> failing = new ArrayList<>();
        int mandatory = 0;
        int open = 0;
        for (StandardSummary s : a.summary()) {
            if (!s.mandatoryFailures().isEmpty()) {
                failing.add(s.shortTitle() != null ? s.shortTitle() : s.standard());
                mandatory += s.mandatoryFailures().size();
            }
            open += s.count(VerdictValue.INCONCLUSIVE) + s.count(VerdictValue.NOT_ASSESSED);
        }
        if (a.summary().isEmpty()) {
            return;
        }
        String text;
        String cls;
        if (!failing.isEmpty()) {
            cls = "callout";
            text = "Bottom line: the product does not conform to " + join(failing) + " - " + mandatory
                    + " failed mandatory requirement" + (mandatory == 1 ? "" : "s") + " (see What to fix first).";
        } else if (open > 0) {
            cls = "callout amber";
            text = "Bottom line: no mandatory requirement failed, but conformance cannot be claimed yet.";
        } else {
            boolean declaredOnly = a.summary().stream().anyMatch(s -> s.passes(Basis.DECLARED) > 0);
            cls = declaredOnly ? "callout amber" : "callout ok";
            text = "Bottom line: every applicable requirement of every standard passes.";
        }
        if (open > 0) {
            text += " " + open + " requirement" + (open == 1 ? " still needs" : "s still need")
                    + " evidence: a declaration from the manufacturer or a profile fact.";
        }
        String causes = RootCauses.statement(a, mandatory);
        if (!causes.isEmpty()) {
            text += " " + causes;
        }
        String verified = BasisText.verifiedStatement(a);
        if (!verified.isEmpty()) {
            text += " " + verified;
        }
        b.append("<div class=\"").append(cls).append("\" id=\"bottom-line\"><b>").append(esc(text)).append("</b></div>\n");
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static void glance(StringBuilder b, Assessment a) {
        b.append("<h2 id=\"glance\">At a glance</h2>\n<table class=\"layout glance-cards\">\n");
        for (StandardSummary s : a.summary()) {
            b.append("<tr class=\"glance\"><td class=\"chart\">").append(Charts.donut(s.counts(), 130)).append("</td><td class=\"std\">");
            b.append("<h3 style=\"margin-top:0\">").append(esc(standardName(s))).append("</h3>");
            b.append("<div class=\"sub\">").append(esc(s.title())).append("</div>");
            status(b, s);
            b.append("<p class=\"split\">").append(esc(BasisText.passSplit(s))).append("</p>");
            b.append("<table class=\"legend\" style=\"width:auto\"><tr>");
            for (VerdictValue v : Labels.ORDER) {
                b.append("<td><span class=\"swatch\" style=\"background:").append(Labels.colour(v)).append("\"></span>")
                        .append("<b>").append(s.count(v)).append("</b> ").append(Labels.label(v)).append("</td> ");
            }
            b.append("</tr></table></td></tr>\n");
        }
        b.append("</table>\n");
    }

    static void status(StringBuilder b, StandardSummary s) {
        int mandatory = s.mandatoryFailures().size();
        int fails = s.count(VerdictValue.FAIL);
        int open = s.count(VerdictValue.INCONCLUSIVE) + s.count(VerdictValue.NOT_ASSESSED);
        String cls;
        String text;
        if (mandatory > 0) {
            cls = "status-fail";
            text = "Does not conform: " + mandatory + " mandatory requirement" + (mandatory == 1 ? "" : "s") + " failed";
        } else if (fails > 0) {
            cls = "status-open";
            text = "No mandatory failure; " + fails + " recommended requirement" + (fails == 1 ? "" : "s") + " failed";
        } else if (open > 0) {
            cls = "status-open";
            text = "No failure found, but " + open + " requirement" + (open == 1 ? "" : "s") + " still need evidence";
        } else if (s.passes(Basis.DECLARED) > 0) {
            int declared = s.passes(Basis.DECLARED);
            cls = "status-open";
            text = "Every applicable requirement passes, " + declared + " on the manufacturer's word alone";
        } else {
            cls = "status-ok";
            text = "Every applicable requirement passes";
        }
        b.append("<p class=\"status-line ").append(cls).append("\">").append(esc(text)).append("</p>");
    }

    static void level(StringBuilder b, Assessment a) {
        // One box per standard with a level scheme; the label ("Xiaomi security level") is the scheme's.
        a.levels().forEach((standard, l) -> {
            String label = l.label() == null ? standardLabel(a, standard) + " level" : l.label();
            b.append("<div class=\"levelbox\"><span class=\"level\">").append(esc(label)).append(": ")
                    .append(l.level() == null ? "undetermined" : esc(l.level().toUpperCase(java.util.Locale.ROOT)))
                    .append("</span><br/>")
                    .append("<span class=\"sub\">Why: ").append(esc(l.reason())).append("</span></div>\n");
        });
    }

    static String standardLabel(StandardSummary s) {
        return s.shortTitle() != null ? s.shortTitle() : s.standard();
    }

    static String standardLabel(Assessment a, String standardId) {
        for (StandardSummary s : a.summary()) {
            if (s.standard().equals(standardId)) {
                return s.shortTitle() != null ? s.shortTitle() : s.standard();
            }
        }
        return standardId;
    }

    static void legend(StringBuilder b) {
        b.append("<table class=\"legend\" style=\"width:auto;margin-top:8px\">");
        for (VerdictValue v : Labels.ORDER) {
            b.append("<tr><td>").append(Labels.badge(v)).append("</td><td>").append(esc(Labels.meaning(v))).append("</td></tr>");
        }
        b.append("</table>\n");
        // what a verdict rests on: beside every verdict in the requirement list
        b.append("<table class=\"legend\" id=\"basis-legend\" style=\"width:auto;margin-top:8px\">");
        b.append("<tr><td colspan=\"2\"><b>What a verdict rests on</b></td></tr>");
        for (Basis basis : List.of(Basis.VERIFIED, Basis.DECLARED_CONSISTENT, Basis.DECLARED, Basis.INFERRED)) {
            b.append("<tr><td>").append(Labels.basisBadge(basis)).append("</td><td>").append(esc(BasisText.meaning(basis)))
                    .append("</td></tr>");
        }
        b.append("<tr><td>").append(Labels.conflictBadge()).append("</td><td>")
                .append("automated evidence contradicts a declaration or a profile fact; the verdict follows the evidence</td></tr>");
        b.append("</table>\n");
    }

    static void inputs(StringBuilder b, Assessment a) {
        b.append("<h2 id=\"inputs\">Inputs</h2>\n<table class=\"grid\"><tr><th>Kind</th><th>Name</th><th>SHA-256</th><th>Size</th></tr>\n");
        for (InputRecord r : a.inputs()) {
            b.append("<tr><td>").append(esc(r.kind() == null ? "" : r.kind().id())).append("</td><td>")
                    .append(esc(r.name() != null ? r.name() : r.host())).append("</td><td class=\"mono\">")
                    .append(esc(r.sha256() == null ? "-" : r.sha256())).append("</td><td>")
                    .append(r.size() == null ? "-" : esc(Charts.human(r.size()))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (!a.warnings().isEmpty()) {
            b.append("<p><b>Warnings while assessing:</b></p><ul>");
            a.warnings().forEach(w -> b.append("<li>").append(esc(w)).append("</li>"));
            b.append("</ul>\n");
        }
        if (!a.timings().isEmpty()) {
            b.append("<p class=\"sub\">Time per phase: ");
            List<String> parts = new ArrayList<>();
            a.timings().forEach((k, v) -> parts.add(esc(k) + " " + v + " ms"));
            b.append(String.join(", ", parts)).append("</p>\n");
        }
    }
}
