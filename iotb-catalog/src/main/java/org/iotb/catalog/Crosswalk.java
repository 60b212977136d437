package org.iotb.catalog;

import java.util.List;
import java.util.Map;

/**
 * Links from the requirements of one standard to their counterparts in a target standard (each link names its
 * target: data, see docs/catalog-format.md). {@code relation} is equivalent, partial, related or none. Status differences are not stored: {@link Catalog#statusDifferences}
 * computes them from the standards themselves, so each status has one place of truth.
 */
public record Crosswalk(Map<String, List<Link>> byStandard) {

    public Crosswalk {
        byStandard = Map.copyOf(byStandard);
    }

    public record Link(String standard, String id, String target, List<String> targetIds, String relation, String note) {
        public Link {
            targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
        }
    }

    public List<Link> links(String standardId) {
        return byStandard.getOrDefault(standardId, List.of());
    }
}
