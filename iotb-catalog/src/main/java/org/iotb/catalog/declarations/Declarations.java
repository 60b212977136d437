package org.iotb.catalog.declarations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.catalog.Crosswalk;

/**
 * All declarations of a product, by standard id then requirement id. {@code warnings} are the problems found when
 * answers were carried across the crosswalk ({@link #withCarried}): twins answered differently.
 */
public record Declarations(Map<String, Map<String, Declaration>> byStandard, List<String> warnings) {

    public static final Declarations NONE = new Declarations(Map.of());

    public Declarations {
        Map<String, Map<String, Declaration>> copy = new LinkedHashMap<>();
        byStandard.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        byStandard = java.util.Collections.unmodifiableMap(copy);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Declarations(Map<String, Map<String, Declaration>> byStandard) {
        this(byStandard, List.of());
    }

    public Optional<Declaration> get(String standardId, String requirementId) {
        return Optional.ofNullable(byStandard.getOrDefault(standardId, Map.of()).get(requirementId));
    }

    /** A declaration by requirement key ("etsi-en-303-645:5.1-1"). */
    public Optional<Declaration> get(String requirementKey) {
        int colon = requirementKey.indexOf(':');
        return colon < 0 ? Optional.empty() : get(requirementKey.substring(0, colon), requirementKey.substring(colon + 1));
    }

    public int size() {
        return byStandard.values().stream().mapToInt(Map::size).sum();
    }

    /** How many of the declarations were carried from a twin rather than given. */
    public int carriedCount() {
        return (int) byStandard.values().stream().flatMap(m -> m.values().stream()).filter(Declaration::carried).count();
    }

    /**
     * These declarations plus the answers they give to equivalent requirements of other standards (the crosswalk's
     * {@code equivalent} links, transitively): an unanswered twin gets a copy marked {@code carriedFrom}. Pure.
     * <ul>
     *   <li>An answer the file gives always beats a carried one.</li>
     *   <li>Twins the file answers differently carry nothing to the rest of their group and yield a warning.</li>
     *   <li>Y and N carry; N/A does not (whether a twin applies is the profile's question, and its conditions
     *       may differ).</li>
     *   <li>When several twins agree, the answer is carried from a directly linked one, else from the first by key.</li>
     * </ul>
     * Applying it twice gives the same result: carried answers are never carried on.
     */
    public Declarations withCarried(Crosswalk crosswalk) {
        Map<String, Map<String, Declaration>> out = new LinkedHashMap<>();
        byStandard.forEach((s, m) -> out.put(s, new LinkedHashMap<>(m)));
        List<String> problems = new ArrayList<>(warnings);
        for (List<String> group : crosswalk.equivalenceClasses()) {
            List<String> given = group.stream().filter(k -> get(k).filter(d -> !d.carried()).isPresent()).toList();
            if (given.isEmpty()) {
                continue;
            }
            List<String> answers = given.stream().map(k -> get(k).orElseThrow().support().text()).distinct().toList();
            if (answers.size() > 1) {
                String warning = "conflicting declarations on equivalent requirements: " + String.join(", ",
                        given.stream().map(k -> k + " " + get(k).orElseThrow().support().text()).toList())
                        + "; nothing is carried between them";
                if (!problems.contains(warning)) {
                    problems.add(warning);
                }
                continue;
            }
            for (String target : group) {
                if (get(target).isPresent()) {
                    continue;
                }
                String source = given.stream().filter(g -> crosswalk.directlyEquivalent(g, target)).findFirst()
                        .orElse(given.get(0));
                Declaration d = get(source).orElseThrow();
                if (d.support() == Support.NA) {
                    continue;
                }
                int colon = target.indexOf(':');
                out.computeIfAbsent(target.substring(0, colon), k -> new LinkedHashMap<>())
                        .put(target.substring(colon + 1), d.carriedFrom(source));
            }
        }
        return new Declarations(out, problems);
    }
}
