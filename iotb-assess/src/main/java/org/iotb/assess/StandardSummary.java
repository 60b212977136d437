package org.iotb.assess;

import java.util.List;
import java.util.Map;

/**
 * Totals of one standard: {@code counts} maps every verdict id ("pass", "fail", …; zero included) to its count; {@code mandatoryFailures}
 * lists the requirement ids of failed mandatory requirements; {@code passesByBasis} splits the passes by what they rest on
 * (every {@link Basis} id but "none", zero included).
 */
public record StandardSummary(
        String standard,
        String title,
        String shortTitle,
        String version,
        int total,
        Map<String, Integer> counts,
        Map<String, Integer> passesByBasis,
        List<String> mandatoryFailures) {

    public StandardSummary {
        counts = counts == null ? Map.of() : counts;
        passesByBasis = passesByBasis == null ? Map.of() : passesByBasis;
        mandatoryFailures = mandatoryFailures == null ? List.of() : List.copyOf(mandatoryFailures);
    }

    public int count(VerdictValue v) {
        return counts.getOrDefault(v.id(), 0);
    }

    public int passes(Basis b) {
        return passesByBasis.getOrDefault(b.id(), 0);
    }
}
