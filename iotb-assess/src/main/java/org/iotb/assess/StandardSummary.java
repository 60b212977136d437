package org.iotb.assess;

import java.util.List;
import java.util.Map;

/**
 * Totals of one standard: {@code counts} maps every verdict id ("pass", "fail", …; zero included) to its count; {@code mandatoryFailures}
 * lists the requirement ids of failed mandatory requirements.
 */
public record StandardSummary(
        String standard,
        String title,
        String shortTitle,
        String version,
        int total,
        Map<String, Integer> counts,
        List<String> mandatoryFailures) {

    public StandardSummary {
        counts = counts == null ? Map.of() : counts;
        mandatoryFailures = mandatoryFailures == null ? List.of() : List.copyOf(mandatoryFailures);
    }

    public int count(VerdictValue v) {
        return counts.getOrDefault(v.id(), 0);
    }
}
