package org.iotb.catalog.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Crosswalk;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.derived.Derivation;

/**
 * Every standard side by side (`iotb catalog crosswalk`): one row per requirement of the hub standard, the one the
 * catalog's mappings point at most (EN 303 645 in the bundled catalog: no code names it), with, per other standard,
 * its requirements that map onto that row; then one row per requirement that maps onto no hub requirement. The
 * mappings are read from the catalog data alone, whatever standard states them: crosswalk links (with their
 * relation) and derived views' {@code derived-from} sources. A new mapped standard is a new column without code.
 */
public record CrosswalkGrid(Standard hub, List<Standard> columns, List<Row> rows) {

    /** One standard's requirement in a cell: how it relates to the row's hub requirement. */
    public record Entry(Requirement requirement, String relation, boolean unverified) {
        /** "derived" for a derived view's source link, else the crosswalk relation (equivalent, partial, related, none). */
        public static final String DERIVED = "derived";

        /** The cell text: the id, the relation when it is not one-to-one, "?" for a row its source did not confirm. */
        public String label() {
            String tail = Crosswalk.EQUIVALENT.equals(relation) || DERIVED.equals(relation) || "none".equals(relation)
                    ? "" : " (" + relation + ")";
            return requirement.id() + (unverified ? "?" : "") + tail;
        }
    }

    /** A row: the hub requirement (null for the rows of requirements that map onto none) and each column's entries. */
    public record Row(Requirement hubRequirement, Map<String, List<Entry>> cells) {
        public List<Entry> cell(String standardId) {
            return cells.getOrDefault(standardId, List.of());
        }
    }

    /**
     * The grid of {@code catalog}, with the columns {@code only} names (every standard but the hub when empty; the hub
     * is always the first column).
     */
    public static CrosswalkGrid of(Catalog catalog, Collection<String> only) {
        Standard hub = hub(catalog);
        List<Standard> columns = catalog.standards().stream()
                .filter(s -> !s.id().equals(hub.id()) && (only == null || only.isEmpty() || only.contains(s.id()))).toList();
        Map<String, Map<String, List<Entry>>> byHubId = new LinkedHashMap<>();
        hub.requirements().forEach(r -> byHubId.put(r.id(), new LinkedHashMap<>()));
        List<Row> unmapped = new ArrayList<>();
        for (Standard s : columns) {
            for (Requirement r : s.requirements()) {
                List<Link> links = links(catalog, r, hub.id());
                if (links.isEmpty()) {
                    unmapped.add(new Row(null, Map.of(s.id(), List.of(new Entry(r, "none", unverified(r))))));
                }
                for (Link l : links) {
                    byHubId.get(l.hubId).computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new Entry(r, l.relation, unverified(r)));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        hub.requirements().forEach(r -> rows.add(new Row(r, byHubId.get(r.id()))));
        rows.addAll(unmapped);
        return new CrosswalkGrid(hub, columns, rows);
    }

    private record Link(String hubId, String relation) {
    }

    /** How {@code r} maps onto the hub: its crosswalk links that target the hub, and its derivation's hub sources. */
    private static List<Link> links(Catalog catalog, Requirement r, String hubId) {
        Set<Link> out = new LinkedHashSet<>();
        for (Crosswalk.Link l : catalog.crosswalk().links(r.standard())) {
            if (l.id().equals(r.id()) && l.target().equals(hubId)) {
                l.targetIds().stream().filter(t -> catalog.requirement(hubId, t).isPresent())
                        .forEach(t -> out.add(new Link(t, l.relation())));
            }
        }
        if (r.derived()) {
            r.derivation().sources().stream().filter(src -> src.standard().equals(hubId))
                    .filter(src -> catalog.requirement(hubId, src.id()).isPresent())
                    .forEach(src -> out.add(new Link(src.id(), Entry.DERIVED)));
        }
        return List.copyOf(out);
    }

    private static boolean unverified(Requirement r) {
        return r.derived() && r.derivation().unverified();
    }

    /**
     * The standard the mappings name most often as their target (crosswalk link targets and derivation sources),
     * the first standard of the catalog when nothing is mapped.
     */
    static Standard hub(Catalog catalog) {
        Map<String, Integer> named = new LinkedHashMap<>();
        catalog.crosswalk().byStandard().values().forEach(links -> links.forEach(l -> named.merge(l.target(), 1, Integer::sum)));
        for (Standard s : catalog.standards()) {
            for (Requirement r : s.requirements()) {
                if (r.derived()) {
                    r.derivation().sources().stream().map(Derivation.Source::standard).forEach(t -> named.merge(t, 1, Integer::sum));
                }
            }
        }
        String best = named.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(catalog.standards().get(0).id());
        return catalog.requireStandard(best);
    }
}
