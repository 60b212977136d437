package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.assess.Contradiction;
import org.iotb.assess.Verdict;
import org.iotb.report.BasisText;
import org.iotb.report.RootCauses;

/**
 * "What to fix first": the root causes behind the failed mandatory requirements, worst first, each with every
 * requirement it fails (one default password fails three standards' twins: one line, three links); then each
 * conflict between evidence and a claim, and each contradiction between the firmware and the declared profile.
 */
final class FixFirst {
    private FixFirst() {
    }

    static void render(StringBuilder b, Assessment a) {
        List<RootCauses.Cause> causes = RootCauses.ranked(a);
        List<Verdict> conflicts = BasisText.conflicts(a);
        List<Contradiction> contradictions = a.profile().contradictions();
        if (causes.isEmpty() && conflicts.isEmpty() && contradictions.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"fix-first\">What to fix first</h2>\n");
        if (!causes.isEmpty()) {
            int failed = (int) a.verdicts().stream().filter(v -> v.verdict() == org.iotb.assess.VerdictValue.FAIL && v.mandatory()).count();
            b.append("<p>").append(failed).append(" failed mandatory requirement").append(failed == 1 ? "" : "s")
                    .append(" come from ").append(causes.size()).append(causes.size() == 1 ? " root cause" : " root causes")
                    .append(", worst first (severity of the check's worst finding, then how many requirements it fails):</p>\n");
            b.append("<ol class=\"causes\">\n");
            for (RootCauses.Cause c : causes) {
                cause(b, a, c);
            }
            b.append("</ol>\n");
        }
        if (!conflicts.isEmpty()) {
            // each conflict with its verdict and reason: the claim and the evidence that contradicts it
            b.append("<div class=\"callout\" id=\"conflicts\"><b>").append(conflicts.size())
                    .append(conflicts.size() == 1 ? " conflict" : " conflicts")
                    .append(" between automated evidence and a claim (a declaration or the profile):</b><ul class=\"problems\">\n");
            for (Verdict v : conflicts) {
                b.append("<li>").append(Labels.conflictBadge()).append(' ').append(Labels.badge(v.verdict())).append(' ')
                        .append("<a href=\"#").append(Overview.anchor(v)).append("\"><b>")
                        .append(esc(Overview.standardLabel(a, v.standard()) + " " + v.requirement())).append("</b></a> ")
                        .append(esc(v.title())).append("<br/><span class=\"sub\">").append(esc(v.reason()))
                        .append("</span></li>\n");
            }
            b.append("</ul></div>\n");
        }
        if (!contradictions.isEmpty()) {
            b.append("<div class=\"callout amber\"><b>The firmware contradicts the declared profile:</b><ul>");
            for (Contradiction c : contradictions) {
                b.append("<li>").append(esc(c.detail())).append(" <span class=\"sub\">(").append(esc(c.check()))
                        .append(" in ").append(esc(c.source())).append(")</span></li>");
            }
            b.append("</ul></div>\n");
        }
    }

    private static void cause(StringBuilder b, Assessment a, RootCauses.Cause c) {
        b.append("<li class=\"cause\">").append(severityBadge(c));
        if (c.declared()) {
            b.append(" <b>The manufacturer declares it unsupported</b>: ").append(esc(c.title()));
        } else {
            b.append(" <b class=\"mono\">").append(esc(c.id())).append("</b>");
            if (c.title() != null) {
                b.append(" ").append(esc(c.title()));
            }
            if (c.findings() > 0) {
                b.append(" <span class=\"sub\">(").append(c.findings()).append(c.findings() == 1 ? " failing finding)" : " failing findings)")
                        .append("</span>");
            }
        }
        b.append("<br/><span class=\"sub\">fails ").append(c.requirements().size())
                .append(c.requirements().size() == 1 ? " requirement: " : " requirements: ").append("</span>");
        requirementLinks(b, a, c);
        b.append("</li>\n");
    }

    /** "EN 303 645 5.1-1, 5.1-2; MTSFB TC G044 6.1(a)": the requirements a cause fails, linked, per standard. */
    static void requirementLinks(StringBuilder b, Assessment a, RootCauses.Cause c) {
        Map<String, List<Verdict>> byStandard = new LinkedHashMap<>();
        c.requirements().forEach(v -> byStandard.computeIfAbsent(v.standard(), k -> new ArrayList<>()).add(v));
        List<String> parts = new ArrayList<>();
        byStandard.forEach((std, vs) -> {
            StringBuilder p = new StringBuilder("<span class=\"std-reqs\">").append(esc(Overview.standardLabel(a, std))).append(' ');
            List<String> links = new ArrayList<>();
            for (Verdict v : vs) {
                links.add("<a href=\"#" + Overview.anchor(v) + "\" title=\"" + esc(v.title()) + "\">" + esc(v.requirement()) + "</a>");
            }
            parts.add(p.append(String.join(", ", links)).append("</span>").toString());
        });
        b.append(String.join("; ", parts));

    }

    /** The cause's severity in words (and a colour); a declared "N" says so instead. */
    static String severityBadge(RootCauses.Cause c) {
        if (c.declared()) {
            return "<span class=\"sev sev-declared\">declared N</span>";
        }
        String s = c.severity() == null ? "unrated" : c.severity().id();
        return "<span class=\"sev sev-" + s + "\">" + s + "</span>";
    }
}
