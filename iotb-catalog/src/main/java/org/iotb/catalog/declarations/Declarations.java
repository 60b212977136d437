package org.iotb.catalog.declarations;

import java.util.Map;
import java.util.Optional;

/** All declarations of a product, by standard id then requirement id. */
public record Declarations(Map<String, Map<String, Declaration>> byStandard) {

    public static final Declarations NONE = new Declarations(Map.of());

    public Declarations {
        byStandard = Map.copyOf(byStandard);
    }

    public Optional<Declaration> get(String standardId, String requirementId) {
        return Optional.ofNullable(byStandard.getOrDefault(standardId, Map.of()).get(requirementId));
    }

    public int size() {
        return byStandard.values().stream().mapToInt(Map::size).sum();
    }
}
