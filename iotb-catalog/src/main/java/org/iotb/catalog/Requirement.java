package org.iotb.catalog;

import java.util.List;

/**
 * One provision, clause or item of a standard. {@code conditions} are EN 303 645 Table B.1 condition numbers
 * (all must hold); {@code levels} are the levels (of the standard's {@link LevelScheme}) at which it is required; {@code appliesIfAny}
 * are tokens such as "interface:ble" or "category:door-lock" of which the product must have one.
 * {@code checks} are the check ids whose findings bear on it; {@code automated} says those checks can settle a
 * pass on their own; otherwise a declaration is needed.
 */
public record Requirement(
        String standard,
        String id,
        String clause,
        String clauseTitle,
        String title,
        String summary,
        Status status,
        List<Integer> conditions,
        List<String> levels,
        List<String> appliesIfAny,
        List<String> checks,
        boolean automated,
        String question,
        String remediation,
        String note) {

    public Requirement {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        levels = levels == null ? List.of() : List.copyOf(levels);
        appliesIfAny = appliesIfAny == null ? List.of() : List.copyOf(appliesIfAny);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** "etsi-en-303-645:5.1-1": unique across the catalog. */
    public String key() {
        return standard + ":" + id;
    }

    public boolean conditional() {
        return !conditions.isEmpty() || !appliesIfAny.isEmpty();
    }
}
