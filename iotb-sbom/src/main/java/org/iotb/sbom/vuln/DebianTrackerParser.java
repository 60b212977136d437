package org.iotb.sbom.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.iotb.sbom.distro.Distro;

/**
 * Reads the Debian security tracker's JSON export (https://security-tracker.debian.org/tracker/data/json): an object
 * of source packages, each an object of CVE ids, each with {@code releases} keyed by code name holding
 * {@code status} (resolved, open, undetermined), {@code fixed_version} and {@code urgency}. "resolved" with
 * fixed_version "0" means the release was never affected. Releases without a number in distro-releases.yaml (sid,
 * experimental) and "undetermined" entries are skipped: they say nothing a stable image can use.
 */
final class DebianTrackerParser {
    private DebianTrackerParser() {
    }

    /** True if this value of a top-level field is a tracker package: CVE ids mapping to objects with releases. */
    static boolean looksLikePackage(JsonNode n) {
        if (!n.isObject() || n.isEmpty()) {
            return false;
        }
        Map.Entry<String, JsonNode> first = n.fields().next();
        return (first.getKey().startsWith("CVE-") || first.getKey().startsWith("TEMP-"))
                && first.getValue().has("releases");
    }

    static List<DistroAdvisory> parse(String sourcePackage, JsonNode pkg) {
        List<DistroAdvisory> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = pkg.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cve = it.next();
            if (!cve.getKey().startsWith("CVE-")) {
                continue; // TEMP- entries have no CVE to match
            }
            String description = cve.getValue().path("description").asText(null);
            for (Iterator<Map.Entry<String, JsonNode>> r = cve.getValue().path("releases").fields(); r.hasNext(); ) {
                Map.Entry<String, JsonNode> rel = r.next();
                Distro d = new Distro("debian", null, rel.getKey());
                if (d.release() == null) {
                    continue;
                }
                JsonNode e = rel.getValue();
                String status = e.path("status").asText("");
                String fixed = e.path("fixed_version").asText(null);
                DistroAdvisory.Status s;
                if (status.equals("resolved") && "0".equals(fixed)) {
                    s = DistroAdvisory.Status.NOT_AFFECTED;
                    fixed = null;
                } else if (status.equals("resolved") && fixed != null) {
                    s = DistroAdvisory.Status.FIXED;
                } else if (status.equals("open")) {
                    s = DistroAdvisory.Status.OPEN;
                    fixed = null;
                } else {
                    continue;
                }
                out.add(new DistroAdvisory(d.key(), sourcePackage, cve.getKey(), s, fixed,
                        e.path("urgency").asText(null), cve.getKey(), description, "debian-tracker"));
            }
        }
        return out;
    }
}
