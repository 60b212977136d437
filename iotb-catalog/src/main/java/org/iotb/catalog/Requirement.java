package org.iotb.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.derived.Derivation;

/**
 * One provision, clause or item of a standard. {@code conditions} are EN 303 645 Table B.1 condition numbers
 * (all must hold); {@code levels} are the levels (of the standard's {@link LevelScheme}) at which it is required; {@code appliesIfAny}
 * are tokens such as "interface:ble" or "category:door-lock" of which the product must have one.
 * {@code checks} are the check ids whose findings bear on it, in the catalog's order; {@code rationales} says, per
 * check id, why that check bears on it (one line in our own words, {@code why:} in the catalog file; the validator
 * demands one for every mapped check). {@code automated} says those checks can settle a pass on their own;
 * otherwise a declaration is needed. {@code derivation} is non-null for a requirement of a derived view: it has no
 * checks of its own and takes its verdict from other standards' requirements (docs/catalog-format.md "Derived views").
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
        String note,
        Map<String, String> rationales,
        Derivation derivation) {

    public Requirement {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        levels = levels == null ? List.of() : List.copyOf(levels);
        appliesIfAny = appliesIfAny == null ? List.of() : List.copyOf(appliesIfAny);
        checks = checks == null ? List.of() : List.copyOf(checks);
        rationales = rationales == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rationales));
    }

    /** A requirement that is not derived from other requirements. */
    public Requirement(String standard, String id, String clause, String clauseTitle, String title, String summary,
                       Status status, List<Integer> conditions, List<String> levels, List<String> appliesIfAny,
                       List<String> checks, boolean automated, String question, String remediation, String note,
                       Map<String, String> rationales) {
        this(standard, id, clause, clauseTitle, title, summary, status, conditions, levels, appliesIfAny, checks,
                automated, question, remediation, note, rationales, null);
    }

    /** A requirement whose checks carry no rationale (tests and hand-made requirements). */
    public Requirement(String standard, String id, String clause, String clauseTitle, String title, String summary,
                       Status status, List<Integer> conditions, List<String> levels, List<String> appliesIfAny,
                       List<String> checks, boolean automated, String question, String remediation, String note) {
        this(standard, id, clause, clauseTitle, title, summary, status, conditions, levels, appliesIfAny, checks,
                automated, question, remediation, note, Map.of());
    }

    /** Why {@code checkId} bears on this requirement, or null when the catalog gives no reason. */
    public String rationale(String checkId) {
        return rationales.get(checkId);
    }

    /** "etsi-en-303-645:5.1-1": unique across the catalog. */
    public String key() {
        return standard + ":" + id;
    }

    /** Whether its verdict is derived from other requirements' verdicts (a derived view's requirement). */
    public boolean derived() {
        return derivation != null;
    }

    public boolean conditional() {
        return !conditions.isEmpty() || !appliesIfAny.isEmpty();
    }
}
