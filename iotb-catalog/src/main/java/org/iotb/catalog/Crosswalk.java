package org.iotb.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links from the requirements of one standard to their counterparts in a target standard (each link names its
 * target: data, see docs/catalog-format.md). {@code relation} is equivalent, partial, related or none. Status differences are not stored: {@link Catalog#statusDifferences}
 * computes them from the standards themselves, so each status has one place of truth.
 */
public record Crosswalk(Map<String, List<Link>> byStandard) {
    /** The relation under which one requirement's answer answers the other's (same obligation, same words). */
    public static final String EQUIVALENT = "equivalent";

    public Crosswalk {
        byStandard = Map.copyOf(byStandard);
    }

    public record Link(String standard, String id, String target, List<String> targetIds, String relation, String note) {
        public Link {
            targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
        }

        public boolean equivalent() {
            return EQUIVALENT.equals(relation);
        }
    }

    public List<Link> links(String standardId) {
        return byStandard.getOrDefault(standardId, List.of());
    }

    /**
     * The requirements ("standard:id") equivalent to {@code key}, itself excluded: the transitive closure of the
     * equivalent links in both directions (MTSFB 6.13.1 ≡ EN 5.13-1 ≡ Xiaomi 3.1.4 makes all three twins).
     * Sorted by key, so callers get the same order on every run.
     */
    public List<String> equivalents(String key) {
        Map<String, Set<String>> graph = equivalenceGraph();
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(key));
        while (!todo.isEmpty()) {
            String k = todo.remove(todo.size() - 1);
            if (seen.add(k)) {
                todo.addAll(graph.getOrDefault(k, Set.of()));
            }
        }
        seen.remove(key);
        return seen.stream().sorted().toList();
    }

    /**
     * Every group of two or more requirements that are equivalent to each other (transitively), each sorted by key;
     * groups in the order of their first key.
     */
    public List<List<String>> equivalenceClasses() {
        Map<String, Set<String>> graph = equivalenceGraph();
        Set<String> placed = new LinkedHashSet<>();
        List<List<String>> out = new ArrayList<>();
        for (String k : graph.keySet().stream().sorted().toList()) {
            if (placed.contains(k)) {
                continue;
            }
            List<String> group = new ArrayList<>(List.of(k));
            group.addAll(equivalents(k));
            group.sort(null);
            placed.addAll(group);
            out.add(List.copyOf(group));
        }
        return out;
    }

    /** Whether a link says {@code a} and {@code b} are equivalent (either direction, no transitivity). */
    public boolean directlyEquivalent(String a, String b) {
        return equivalenceGraph().getOrDefault(a, Set.of()).contains(b);
    }

    private Map<String, Set<String>> equivalenceGraph() {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        byStandard.values().forEach(links -> links.stream().filter(Link::equivalent).forEach(l -> {
            String from = l.standard() + ":" + l.id();
            for (String t : l.targetIds()) {
                String to = l.target() + ":" + t;
                graph.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                graph.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
            }
        }));
        return graph;
    }
}
