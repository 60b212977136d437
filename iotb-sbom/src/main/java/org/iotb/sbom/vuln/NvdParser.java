package org.iotb.sbom.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iotb.model.Severity;

/**
 * Normalises NVD CVE API 2.0 records ({@code {"vulnerabilities":[{"cve":{...}}]}}, also the 2.0 JSON feed files).
 * Every cpeMatch with {@code vulnerable: true} becomes an {@link Affected} entry keyed by CPE vendor:product:
 * an exact version in the criteria (version + update, "7.4" + "p1" → "7.4p1") or the versionStart/End bounds.
 * Non-vulnerable matches (the platform half of an AND configuration) are ignored.
 */
final class NvdParser {
    private NvdParser() {
    }

    static boolean looksLikeNvd(JsonNode n) {
        return n.isObject() && n.has("vulnerabilities") && n.path("vulnerabilities").isArray();
    }

    static Vulnerability parse(JsonNode item) {
        JsonNode cve = item.has("cve") ? item.path("cve") : item;
        String id = cve.path("id").asText(null);
        if (id == null) {
            return null;
        }
        if ("Rejected".equalsIgnoreCase(cve.path("vulnStatus").asText(""))) {
            return withdrawn(id); // an incremental update then removes the copy the store holds
        }
        List<Affected> affected = new ArrayList<>();
        for (JsonNode conf : cve.path("configurations")) {
            for (JsonNode node : conf.path("nodes")) {
                if (node.path("negate").asBoolean(false)) {
                    continue;
                }
                for (JsonNode m : node.path("cpeMatch")) {
                    if (!m.path("vulnerable").asBoolean(false)) {
                        continue;
                    }
                    Affected a = affected(m);
                    if (a != null) {
                        affected.add(a);
                    }
                }
            }
        }
        if (affected.isEmpty()) {
            return withdrawn(id); // no (longer any) affected product: nothing to match, and an older copy must go
        }
        String summary = null;
        for (JsonNode d : cve.path("descriptions")) {
            if ("en".equals(d.path("lang").asText())) {
                summary = d.path("value").asText();
                break;
            }
        }
        if (summary != null && summary.length() > 400) {
            summary = summary.substring(0, 400) + "…";
        }
        Double score = null;
        String vector = null;
        Severity level = null;
        JsonNode metrics = cve.path("metrics");
        for (String key : List.of("cvssMetricV31", "cvssMetricV30", "cvssMetricV40", "cvssMetricV2")) {
            JsonNode list = metrics.path(key);
            if (!list.isArray() || list.isEmpty()) {
                continue;
            }
            JsonNode chosen = list.get(0);
            for (JsonNode x : list) {
                if ("Primary".equals(x.path("type").asText())) {
                    chosen = x;
                    break;
                }
            }
            JsonNode data = chosen.path("cvssData");
            score = data.has("baseScore") ? data.path("baseScore").asDouble() : null;
            vector = data.path("vectorString").asText(null);
            String word = data.path("baseSeverity").asText(chosen.path("baseSeverity").asText(null));
            level = OsvParser.severityWord(word);
            if (level == null) {
                level = Cvss3.level(score);
            }
            break;
        }
        List<String> refs = new ArrayList<>();
        refs.add("https://nvd.nist.gov/vuln/detail/" + id);
        for (JsonNode r : cve.path("references")) {
            if (refs.size() < 10 && r.has("url")) {
                refs.add(r.path("url").asText());
            }
        }
        return new Vulnerability(id, List.of(), summary, level, score, vector, affected, "nvd", refs);
    }

    /**
     * A record that names no affected product (rejected, or its configurations were withdrawn): the store keeps no
     * such record, and an import holding it removes the copy of an earlier import.
     */
    private static Vulnerability withdrawn(String id) {
        return new Vulnerability(id, List.of(), null, null, null, null, List.of(), "nvd",
                List.of("https://nvd.nist.gov/vuln/detail/" + id));
    }

    private static Affected affected(JsonNode m) {
        List<String> f = splitCpe(m.path("criteria").asText(""));
        if (f.size() < 7 || !f.get(0).equals("cpe") || !f.get(1).equals("2.3")) {
            return null;
        }
        String key = (f.get(3) + ":" + f.get(4)).toLowerCase(Locale.ROOT);
        String version = f.get(5);
        String update = f.get(6);
        String si = text(m, "versionStartIncluding");
        String se = text(m, "versionStartExcluding");
        String ee = text(m, "versionEndExcluding");
        String ei = text(m, "versionEndIncluding");
        if (!version.equals("*")) {
            if (version.equals("-")) {
                return null;
            }
            String exact = unescape(version) + (update.equals("*") || update.equals("-") ? "" : unescape(update));
            return new Affected(key, null, null, null, null, null, List.of(exact), false);
        }
        if (ee == null && ei == null) {
            // "every version" criteria without bounds: too coarse to accuse a particular build
            return null;
        }
        return new Affected(key, null, si, se, ee, ei, null, false);
    }

    private static String text(JsonNode m, String field) {
        return m.hasNonNull(field) ? m.path(field).asText() : null;
    }

    /** Splits a CPE 2.3 formatted string on ':' that are not escaped with a backslash. */
    static List<String> splitCpe(String cpe) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < cpe.length(); i++) {
            char c = cpe.charAt(i);
            if (c == '\\' && i + 1 < cpe.length()) {
                cur.append(c).append(cpe.charAt(++i));
            } else if (c == ':') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String unescape(String s) {
        return s.replace("\\", "");
    }
}
