package org.iotb.sbom.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iotb.sbom.distro.Distro;

/**
 * The distribution part of an OSV record: entries of the Debian ("Debian:12") and Alpine ("Alpine:v3.18")
 * ecosystems become {@link DistroAdvisory} entries, one per CVE the record names (its own id, aliases, or the
 * {@code upstream} list of DSA/DLA/DEBIAN-CVE records). ECOSYSTEM ranges give the fixed package version; a range
 * that is never fixed is "open". Upstream ecosystems are {@link OsvParser}'s business.
 */
final class OsvDistroParser {
    private OsvDistroParser() {
    }

    static List<DistroAdvisory> parse(JsonNode n) {
        List<DistroAdvisory> out = new ArrayList<>();
        String id = n.path("id").asText("");
        Set<String> cves = new LinkedHashSet<>();
        if (id.startsWith("CVE-")) {
            cves.add(id);
        } else if (id.startsWith("DEBIAN-CVE-")) {
            cves.add(id.substring("DEBIAN-".length()));
        }
        for (String field : List.of("aliases", "upstream", "related")) {
            n.path(field).forEach(x -> {
                String a = x.asText("");
                if (a.startsWith("CVE-")) {
                    cves.add(a);
                }
            });
        }
        if (cves.isEmpty()) {
            return out;
        }
        String summary = n.path("summary").asText(n.path("details").asText(null));
        for (JsonNode a : n.path("affected")) {
            Distro d = distro(a.path("package").path("ecosystem").asText(""));
            String name = a.path("package").path("name").asText(null);
            if (d == null || d.release() == null || name == null) {
                continue;
            }
            for (JsonNode r : a.path("ranges")) {
                if (!r.path("type").asText("").equals("ECOSYSTEM")) {
                    continue;
                }
                String fixed = null;
                for (JsonNode e : r.path("events")) {
                    if (e.has("fixed")) {
                        fixed = e.path("fixed").asText();
                    }
                }
                for (String cve : cves) {
                    out.add(new DistroAdvisory(d.key(), name.toLowerCase(Locale.ROOT), cve,
                            fixed == null ? DistroAdvisory.Status.OPEN : DistroAdvisory.Status.FIXED, fixed,
                            a.path("ecosystem_specific").path("urgency").asText(null), id, summary, "osv"));
                }
            }
        }
        return out;
    }

    /** "Debian:12" → debian:12, "Alpine:v3.18" → alpine:3.18; null for other ecosystems. */
    static Distro distro(String ecosystem) {
        int c = ecosystem.indexOf(':');
        if (c < 0) {
            return null;
        }
        String family = ecosystem.substring(0, c).toLowerCase(Locale.ROOT);
        String release = ecosystem.substring(c + 1);
        return switch (family) {
            case "debian" -> new Distro("debian", release.contains(".") ? release.substring(0, release.indexOf('.'))
                    : release, null);
            case "alpine" -> new Distro("alpine", release.startsWith("v") ? release.substring(1) : release, null);
            default -> null;
        };
    }
}
