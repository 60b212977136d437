package org.iotb.sbom.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iotb.model.Severity;

/**
 * Normalises OSV records (https://ossf.github.io/osv-schema/). Ranges of type ECOSYSTEM and SEMVER become
 * {@link Affected} entries keyed by package name; GIT ranges (commit hashes) cannot be compared with a device's
 * version and are skipped. Records of Linux distributions' ecosystems (Debian, Alpine, Ubuntu …) describe the
 * distribution's patched packages, whose versions do not apply to a vendor's build, and are skipped too.
 */
final class OsvParser {
    static final Set<String> DISTRIBUTION_ECOSYSTEMS = Set.of("debian", "ubuntu", "alpine", "almalinux", "rocky linux",
            "red hat", "suse", "opensuse", "mageia", "photon os", "wolfi", "chainguard", "openeuler", "azure linux",
            "echo", "minimos", "bitnami");

    private OsvParser() {
    }

    static boolean looksLikeOsv(JsonNode n) {
        return n.isObject() && n.has("id") && (n.has("affected") || n.has("modified"));
    }

    /** The normalised record, or null when nothing in it can be matched against a version. */
    static Vulnerability parse(JsonNode n) {
        String id = n.path("id").asText(null);
        if (id == null) {
            return null;
        }
        List<Affected> affected = new ArrayList<>();
        Severity level = severityWord(n.path("database_specific").path("severity").asText(null));
        for (JsonNode a : n.path("affected")) {
            String ecosystem = a.path("package").path("ecosystem").asText("");
            String base = ecosystem.contains(":") ? ecosystem.substring(0, ecosystem.indexOf(':')) : ecosystem;
            if (DISTRIBUTION_ECOSYSTEMS.contains(base.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String name = packageName(a);
            if (name == null) {
                continue;
            }
            if (level == null) {
                level = severityWord(a.path("database_specific").path("severity").asText(null));
            }
            for (JsonNode r : a.path("ranges")) {
                String type = r.path("type").asText("");
                if (!type.equals("ECOSYSTEM") && !type.equals("SEMVER")) {
                    continue;
                }
                affected.addAll(events(name, r.path("events")));
            }
            List<String> versions = new ArrayList<>();
            a.path("versions").forEach(v -> versions.add(v.asText()));
            if (!versions.isEmpty()) {
                affected.add(new Affected(null, name, null, null, null, null, versions, false));
            }
        }
        if (affected.isEmpty()) {
            return null;
        }
        String vector = null;
        Double score = null;
        for (JsonNode s : n.path("severity")) {
            if (s.path("type").asText("").equals("CVSS_V3")) {
                vector = s.path("score").asText(null);
                score = Cvss3.baseScore(vector);
            }
        }
        if (score != null) {
            level = Cvss3.level(score);
        }
        List<String> aliases = new ArrayList<>();
        n.path("aliases").forEach(x -> aliases.add(x.asText()));
        List<String> refs = new ArrayList<>();
        for (JsonNode r : n.path("references")) {
            if (refs.size() < 10 && r.has("url")) {
                refs.add(r.path("url").asText());
            }
        }
        String summary = n.path("summary").asText(null);
        if (summary == null) {
            String details = n.path("details").asText("");
            summary = details.length() > 300 ? details.substring(0, 300) + "…" : details;
        }
        return new Vulnerability(id, aliases, summary, level, score, vector, affected, "osv", refs);
    }

    private static String packageName(JsonNode affected) {
        JsonNode pkg = affected.path("package");
        String name = pkg.path("name").asText(null);
        if (name == null) {
            // records published by upstream projects (curl's CURL-CVE-…) name no package, only the repository
            for (JsonNode r : affected.path("ranges")) {
                String repo = r.path("repo").asText("");
                if (!repo.isEmpty()) {
                    String last = repo.replaceAll("/+$", "");
                    last = last.substring(last.lastIndexOf('/') + 1).replaceAll("\\.git$", "");
                    if (!last.isEmpty()) {
                        name = last;
                        break;
                    }
                }
            }
        }
        if (name == null && pkg.has("purl")) {
            String purl = pkg.path("purl").asText();
            int slash = purl.lastIndexOf('/');
            int at = purl.indexOf('@', Math.max(slash, 0));
            name = purl.substring(slash + 1, at > slash ? at : purl.length());
        }
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    /** Events in order: each "introduced" opens a range that the next fixed/last_affected closes. */
    private static List<Affected> events(String name, JsonNode events) {
        List<Affected> out = new ArrayList<>();
        String introduced = null;
        boolean open = false;
        for (JsonNode e : events) {
            if (e.has("introduced")) {
                if (open) {
                    out.add(new Affected(null, name, introduced, null, null, null, null, true));
                }
                introduced = e.path("introduced").asText();
                open = true;
            } else if (e.has("fixed") && open) {
                out.add(new Affected(null, name, introduced, null, e.path("fixed").asText(), null, null, false));
                open = false;
            } else if (e.has("last_affected") && open) {
                out.add(new Affected(null, name, introduced, null, null, e.path("last_affected").asText(), null,
                        false));
                open = false;
            }
            // "limit" events only bound git walks; ignored
        }
        if (open) {
            out.add(new Affected(null, name, introduced, null, null, null, null, true));
        }
        return out;
    }

    static Severity severityWord(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Severity.CRITICAL;
            case "HIGH", "IMPORTANT" -> Severity.HIGH;
            case "MEDIUM", "MODERATE" -> Severity.MEDIUM;
            case "LOW" -> Severity.LOW;
            default -> null;
        };
    }
}
