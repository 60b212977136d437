package org.iotb.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A baseline loaded from its YAML file. {@code conditionsFrom} names the standard whose numbered conditions
 * this one's requirements refer to (MTSFB borrows EN 303 645's); {@code levels} is the standard's product-level
 * scheme, null for standards without levels.
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
        List<Requirement> requirements) {

    public Standard {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        applicabilityConditions = applicabilityConditions == null ? List.of() : List.copyOf(applicabilityConditions);
        requirements = List.copyOf(requirements);
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
