package org.iotb.catalog.conformance;

import java.util.stream.Collectors;
import org.iotb.catalog.Requirement;

/**
 * The status notation of EN 303 645 Annex B: M, R, "M C (1)", "R C (9, 12)". Standards with levels append the
 * levels at which the requirement is required: "M (medium, high)".
 */
public final class StatusCode {
    private StatusCode() {
    }

    public static String of(Requirement r) {
        StringBuilder b = new StringBuilder(r.status().code());
        if (!r.conditions().isEmpty()) {
            b.append(" C (").append(r.conditions().stream().map(String::valueOf).collect(Collectors.joining(", "))).append(')');
        }
        if (!r.levels().isEmpty()) {
            b.append(" (").append(r.levels().stream().collect(Collectors.joining(", "))).append(')');
        }
        return b.toString();
    }
}
