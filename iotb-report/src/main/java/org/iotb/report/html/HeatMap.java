package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.report.BasisText;

/** Clause by clause: a row per clause, a coloured cell per requirement, so weak areas stand out at once. */
final class HeatMap {
    private HeatMap() {
    }

    static void render(StringBuilder b, Assessment a) {
        b.append("<h2 id=\"heatmap\">Clause by clause</h2>\n<p class=\"sub\">Each cell is one requirement, coloured by"
                + " its verdict and marked with its icon (\u2713 pass, \u2717 fail, ? inconclusive, \u25cb not assessed, \u2013 not applicable); select one to read why. A cell marked <b>d</b> passes on the manufacturer's declaration (not"
                + " verified by evidence); <b>!</b> marks a conflict between the evidence and a claim.</p>\n");
        for (StandardSummary s : a.summary()) {
            b.append("<h3 id=\"").append(Sections.anchor("heatmap", s.standard())).append("\">")
                    .append(esc(Overview.standardName(s))).append("</h3>\n<table class=\"heat\">\n");
            Map<String, List<Verdict>> byClause = new LinkedHashMap<>();
            Map<String, String> titles = new LinkedHashMap<>();
            for (Verdict v : a.verdictsOf(s.standard())) {
                String clause = v.clause() == null ? "" : v.clause();
                byClause.computeIfAbsent(clause, k -> new ArrayList<>()).add(v);
                titles.putIfAbsent(clause, v.clauseTitle());
            }
            for (Map.Entry<String, List<Verdict>> e : byClause.entrySet()) {
                String title = titles.get(e.getKey());
                b.append("<tr><td class=\"clause\"><b>").append(esc(e.getKey())).append("</b> ")
                        .append(esc(title == null ? "" : title)).append("</td><td class=\"cells\">");
                for (Verdict v : e.getValue()) {
                    b.append("<a href=\"#").append(Overview.anchor(v)).append("\" style=\"text-decoration:none\">")
                            .append("<span class=\"cell v-").append(v.verdict().id()).append("\" title=\"")
                            .append(esc(v.requirement() + " " + (v.title() == null ? "" : v.title()) + ": "
                                    + Labels.label(v.verdict()) + basisNote(v)))
                            .append("\"><span aria-hidden=\"true\">").append(Labels.icon(v.verdict())).append("</span> ")
                            .append(esc(v.requirement())).append(mark(v))
                            .append("<span class=\"sr\"> ").append(Labels.label(v.verdict())).append("</span></span></a>");
                }
                b.append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
    }

    /** A text mark, so a declared pass or a conflict is told apart without colour. */
    static String mark(Verdict v) {
        String m = "";
        if (v.verdict() == VerdictValue.PASS && (v.basis() == Basis.DECLARED || v.basis() == Basis.DECLARED_CONSISTENT)) {
            m += " d";
        }
        return v.conflict() ? m + " !" : m;
    }

    private static String basisNote(Verdict v) {
        String note = v.basis() == null || v.basis() == Basis.NONE ? "" : " (" + BasisText.label(v.basis()) + ")";
        return v.conflict() ? note + ", conflict" : note;
    }
}
