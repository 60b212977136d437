package org.iotb.sbom.vuln;

import java.util.HashMap;
import java.util.Map;
import org.iotb.model.Severity;

/**
 * The CVSS v3.0/v3.1 base score of a vector string ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" → 9.8),
 * computed with the formulas of the FIRST specification, and the qualitative level of a score.
 */
public final class Cvss3 {
    private Cvss3() {
    }

    /** The base score, or null when the vector is not a complete CVSS v3 base vector. */
    public static Double baseScore(String vector) {
        if (vector == null || !vector.startsWith("CVSS:3.")) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        for (String part : vector.split("/")) {
            int c = part.indexOf(':');
            if (c > 0) {
                m.put(part.substring(0, c), part.substring(c + 1));
            }
        }
        try {
            boolean changed = "C".equals(m.get("S"));
            if (!m.containsKey("S")) {
                return null;
            }
            double av = pick(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
            double ac = pick(m.get("AC"), "L", 0.77, "H", 0.44);
            double pr = changed ? pick(m.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5)
                    : pick(m.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
            double ui = pick(m.get("UI"), "N", 0.85, "R", 0.62);
            double c = pick(m.get("C"), "H", 0.56, "L", 0.22, "N", 0);
            double i = pick(m.get("I"), "H", 0.56, "L", 0.22, "N", 0);
            double a = pick(m.get("A"), "H", 0.56, "L", 0.22, "N", 0);
            double iss = 1 - (1 - c) * (1 - i) * (1 - a);
            double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
            double exploitability = 8.22 * av * ac * pr * ui;
            if (impact <= 0) {
                return 0.0;
            }
            double raw = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
            return roundUp(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double pick(String value, Object... pairs) {
        for (int k = 0; k + 1 < pairs.length; k += 2) {
            if (pairs[k].equals(value)) {
                return ((Number) pairs[k + 1]).doubleValue();
            }
        }
        throw new IllegalArgumentException("bad metric value " + value);
    }

    /** CVSS 3.1 Roundup: the smallest number with one decimal that is >= the input, free of float noise. */
    static double roundUp(double x) {
        long scaled = Math.round(x * 100000);
        if (scaled % 10000 == 0) {
            return scaled / 100000.0;
        }
        return (Math.floor(scaled / 10000.0) + 1) / 10.0;
    }

    public static Severity level(Double score) {
        if (score == null) {
            return null;
        }
        if (score == 0) {
            return Severity.NONE;
        }
        if (score < 4.0) {
            return Severity.LOW;
        }
        if (score < 7.0) {
            return Severity.MEDIUM;
        }
        return score < 9.0 ? Severity.HIGH : Severity.CRITICAL;
    }
}
