package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.model.Outcome;

/**
 * The software bill of materials and the known vulnerabilities of its components, read from the findings'
 * {@code data} (sbom.inventory: {@code components}; sbom.component-vulnerable: {@code component} and
 * {@code vulnerabilities} or {@code fixedByDistribution}). Known-exploited vulnerabilities (a {@code knownExploited}
 * flag on a vulnerability, e.g. from CISA's KEV catalogue) come first, then the worst severity. The data is read
 * defensively: the report renders assessments of older schema versions, and feeds add fields over time.
 */
final class SbomSection {
    static final String INVENTORY = "sbom.inventory";
    static final String VULNERABLE = "sbom.component-vulnerable";
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "none");

    private SbomSection() {
    }

    /** One vulnerable component as the table shows it. */
    record Row(String name, String version, Set<String> sources, String status, List<Vuln> vulns) {
        boolean exploited() {
            return vulns.stream().anyMatch(Vuln::exploited);
        }

        int worst() {
            return vulns.stream().mapToInt(v -> rank(v.severity())).min().orElse(SEVERITIES.size());
        }
    }

    record Vuln(String id, String severity, Object cvss, boolean exploited) {
    }

    static void render(StringBuilder b, Assessment a, boolean pdf) {
        Map<String, Map<String, Object>> components = new LinkedHashMap<>();
        Map<String, Set<String>> componentSources = new LinkedHashMap<>();
        for (AssessedFinding f : a.findings()) {
            if (INVENTORY.equals(f.check()) && f.data().get("components") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m) {
                        String key = str(m.get("name")) + " " + str(m.get("version"));
                        components.putIfAbsent(key, cast(m));
                        componentSources.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(f.source());
                    }
                }
            }
        }
        List<Row> rows = vulnerable(a);
        if (components.isEmpty() && rows.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"sbom\">Components and vulnerabilities</h2>\n<p class=\"sub\">").append(components.size())
                .append(components.size() == 1 ? " component" : " components").append(" identified in the firmware; ")
                .append(rows.size()).append(rows.size() == 1 ? " has" : " have")
                .append(" known vulnerabilities. Known-exploited vulnerabilities (<b>KEV</b>) first, then the worst severity.</p>\n");
        if (!rows.isEmpty()) {
            b.append("<table class=\"grid vulns\"><tr><th>Component</th><th>Version</th><th>Vulnerabilities</th><th>Status</th><th>Found in</th></tr>\n");
            for (Row r : rows) {
                b.append("<tr><td><b>").append(esc(r.name())).append("</b></td><td class=\"mono\">").append(esc(r.version()))
                        .append("</td><td>");
                List<String> ids = new ArrayList<>();
                for (Vuln v : r.vulns()) {
                    ids.add((v.exploited() ? "<span class=\"kev\" title=\"known to be exploited\">KEV</span> " : "")
                            + "<span class=\"mono\">" + esc(v.id()) + "</span> <span class=\"sev sev-" + esc(sevClass(v.severity())) + "\">"
                            + esc(v.severity() == null ? "unrated" : v.severity()) + "</span>"
                            + (v.cvss() == null ? "" : " <span class=\"sub\">CVSS " + esc(v.cvss()) + "</span>"));
                }
                b.append(String.join("<br/>", ids)).append("</td><td>").append(esc(r.status())).append("</td><td class=\"sub\">")
                        .append(esc(String.join(", ", r.sources()))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!components.isEmpty()) {
            b.append(pdf ? "<h3>All components</h3>" : "<details><summary>All " + components.size() + " components</summary>");
            b.append("<table class=\"grid\"><tr><th>Component</th><th>Version</th><th>Identifier</th><th>Found by</th><th>Found in</th></tr>\n");
            components.forEach((key, m) -> b.append("<tr><td>").append(esc(str(m.get("name")))).append("</td><td class=\"mono\">")
                    .append(esc(str(m.get("version")))).append("</td><td class=\"mono\">")
                    .append(esc(m.get("purl") != null ? str(m.get("purl")) : str(m.get("cpe")))).append("</td><td>")
                    .append(esc(str(m.get("source")))).append(m.get("confidence") == null ? "" : " (" + esc(str(m.get("confidence"))) + ")")
                    .append("</td><td class=\"sub\">").append(esc(String.join(", ", componentSources.get(key)))).append("</td></tr>\n"));
            b.append("</table>").append(pdf ? "\n" : "</details>\n");
        }
    }

    /** The components with known vulnerabilities, merged across images, ranked: exploited first, then severity. */
    static List<Row> vulnerable(Assessment a) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (AssessedFinding f : a.findings()) {
            if (!VULNERABLE.equals(f.check()) || !(f.data().get("component") instanceof Map<?, ?> c)) {
                continue;
            }
            Object list = f.data().get("vulnerabilities");
            String status = f.outcome() == Outcome.FAIL ? "affected"
                    : f.outcome() == Outcome.WARNING ? "affected unless the distribution backported a fix"
                    : "fixed by the distribution";
            if (list == null) {
                list = f.data().get("fixedByDistribution");
            }
            if (!(list instanceof List<?> vs) || vs.isEmpty()) {
                continue;
            }
            String key = str(c.get("name")) + " " + str(c.get("version"));
            Row row = rows.computeIfAbsent(key, k -> new Row(str(c.get("name")), str(c.get("version")), new LinkedHashSet<>(),
                    status, new ArrayList<>()));
            row.sources().add(f.source());
            for (Object o : vs) {
                if (o instanceof Map<?, ?> v && v.get("id") != null
                        && row.vulns().stream().noneMatch(x -> x.id().equals(str(v.get("id"))))) {
                    row.vulns().add(new Vuln(str(v.get("id")), v.get("severity") == null ? null : str(v.get("severity")),
                            v.get("cvss"), exploited(v.get("knownExploited"))));
                }
            }
        }
        List<Row> out = new ArrayList<>(rows.values());
        out.forEach(r -> r.vulns().sort(Comparator.comparing((Vuln v) -> !v.exploited())
                .thenComparingInt(v -> rank(v.severity())).thenComparing(Vuln::id)));
        out.sort(Comparator.comparing((Row r) -> !r.exploited()).thenComparingInt(Row::worst).thenComparing(Row::name));
        return out;
    }

    /**
     * Whether a vulnerability is known to be exploited. The feed helper adds {@code knownExploited}; its shape is
     * read leniently: a boolean, the words true/yes, or an object describing the KEV entry (non-empty) all count.
     */
    static boolean exploited(Object flag) {
        if (flag instanceof Boolean bool) {
            return bool;
        }
        if (flag instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (flag instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("yes");
        }
        return false;
    }

    private static int rank(String severity) {
        int i = severity == null ? -1 : SEVERITIES.indexOf(severity.toLowerCase(Locale.ROOT));
        return i < 0 ? SEVERITIES.size() : i;
    }

    private static String sevClass(String severity) {
        return severity == null || !SEVERITIES.contains(severity.toLowerCase(Locale.ROOT)) ? "unrated" : severity.toLowerCase(Locale.ROOT);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
