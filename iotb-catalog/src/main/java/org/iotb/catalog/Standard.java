package org.iotb.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A baseline loaded from its YAML file. {@code conditionsFrom} names the standard whose numbered conditions
 * this one's requirements refer to (MTSFB borrows EN 303 645's); {@code levels} is the standard's product-level
 * scheme, null for standards without levels. {@code assessedByDefault} is false for a standard that {@code index.yaml}
 * marks {@code default: false} (assessed only when {@code --standard} names it, or {@code all}); {@code indicative}
 * says, when set, why its verdicts are only indicative (its own conformity route differs from an iotb assessment).
 */
public record Standard(
        String id,
        String title,
        String shortTitle,
        String version,
        String conditionsFrom,
        List<Condition> conditions,
        LevelScheme levels,
        List<ApplicabilityCondition> applicabilityConditions,
        List<Requirement> requirements,
        boolean assessedByDefault,
        String indicative) {

    public Standard {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        applicabilityConditions = applicabilityConditions == null ? List.of() : List.copyOf(applicabilityConditions);
        requirements = List.copyOf(requirements);
    }

    /** A standard assessed by default, with no note that its verdicts are indicative. */
    public Standard(String id, String title, String shortTitle, String version, String conditionsFrom,
                    List<Condition> conditions, LevelScheme levels, List<ApplicabilityCondition> applicabilityConditions,
                    List<Requirement> requirements) {
        this(id, title, shortTitle, version, conditionsFrom, conditions, levels, applicabilityConditions, requirements,
                true, null);
    }

    /**
     * A derived view: every requirement takes its verdict from requirements of other standards and it has no
     * checks of its own (docs/catalog-format.md "Derived views").
     */
    public boolean derivedView() {
        return !requirements.isEmpty() && requirements.stream().allMatch(Requirement::derived);
    }

    /** The standards its derived requirements read, in the order they are first named. */
    public List<String> sourceStandards() {
        return requirements.stream().filter(Requirement::derived)
                .flatMap(r -> r.derivation().sourceStandards().stream()).distinct().toList();
    }

    public Optional<Requirement> requirement(String requirementId) {
        return requirements.stream().filter(r -> r.id().equals(requirementId)).findFirst();
    }

    public Optional<Condition> condition(int number) {
        return conditions.stream().filter(c -> c.number() == number).findFirst();
    }

    /**
     * A vocabulary entry of the "applies-if-any" tokens ("interface:ble" → "Devices with BLE"). {@code formerly} is
     * the token it replaced, if any ("feature:telemetry" for "device:telemetry"): profiles that still give the old
     * value are read, mapped to the new fact and warned about.
     */
    public record ApplicabilityCondition(String id, String text, String formerly) {
        public ApplicabilityCondition(String id, String text) {
            this(id, text, null);
        }
    }
}
