package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.assess.DerivedSource;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;

/**
 * How the HTML report shows a derived view's verdicts (schema 3.2 {@code derivedFrom}; docs/assessment.md
 * "Derived verdicts"): a note under the view's heading that its verdicts are derived and indicative, and in each
 * verdict's details the requirements it was derived from ("EN 303 645 5.1-1 (fail, verified), 5.1-2 (…)"), each
 * linked to its own row.
 */
final class DerivedFromHtml {
    private DerivedFromHtml() {
    }

    /** The note under a standard's heading when its verdicts are derived; nothing otherwise. */
    static void note(StringBuilder b, Assessment a, StandardSummary s) {
        List<Verdict> vs = a.verdictsOf(s.standard());
        if (vs.isEmpty() || !vs.stream().allMatch(Verdict::derived)) {
            return;
        }
        b.append("<p class=\"sub derived-view\">Derived view: each verdict is derived from the verdicts of the ")
                .append("requirements named in its details (all of them must pass; one failure fails it). Indicative: ")
                .append("the regulation's own conformity route differs from this assessment.</p>\n");
    }

    /** The details line of a derived verdict: its sources grouped by standard, with their verdicts and bases. */
    static void details(StringBuilder b, Assessment a, Verdict v) {
        Map<String, List<String>> byStandard = new LinkedHashMap<>();
        for (DerivedSource s : v.derivedFrom()) {
            Verdict source = a.verdicts().stream().filter(x -> x.key().equals(s.key())).findFirst().orElse(null);
            String label = esc(s.requirement()) + " (" + esc(s.verdict().id()) + ", " + esc(s.basis().id()) + ")";
            byStandard.computeIfAbsent(s.standard(), k -> new ArrayList<>()).add(source == null ? label
                    : "<a href=\"#" + Overview.anchor(source) + "\">" + label + "</a>");
        }
        List<String> parts = new ArrayList<>();
        byStandard.forEach((standard, labels) -> parts.add(esc(shortTitle(a, standard)) + " " + String.join(", ", labels)));
        b.append("<div class=\"kv\"><b>Derived from:</b> ").append(String.join("; ", parts))
                .append(" <span class=\"sub\">(derived view, indicative)</span></div>");
    }

    private static String shortTitle(Assessment a, String standard) {
        return a.summary().stream().filter(s -> s.standard().equals(standard)).map(StandardSummary::shortTitle)
                .filter(t -> t != null && !t.isBlank()).findFirst().orElse(standard);
    }
}
