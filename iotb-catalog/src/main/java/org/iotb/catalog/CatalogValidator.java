package org.iotb.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iotb.catalog.derived.DerivationProblems;

/**
 * Structural checks of a catalog: unique ids, resolvable references, known conditions and tokens, a rationale for
 * every check a requirement names, and (given the ids the check registries know) check ids that resolve.
 */
public final class CatalogValidator {
    private CatalogValidator() {
    }

    public static List<String> problems(Catalog catalog) {
        List<String> problems = new ArrayList<>();
        Set<String> standardIds = new HashSet<>();
        for (Standard s : catalog.standards()) {
            if (!standardIds.add(s.id())) {
                problems.add("duplicate standard id " + s.id());
            }
            Set<String> ids = new HashSet<>();
            Set<Integer> conditionNumbers = new HashSet<>();
            catalog.conditionsOf(s).forEach(c -> conditionNumbers.add(c.number()));
            Set<String> tokens = new HashSet<>();
            s.applicabilityConditions().forEach(a -> tokens.add(a.id()));
            for (Requirement r : s.requirements()) {
                if (!ids.add(r.id())) {
                    problems.add(s.id() + ": duplicate requirement id " + r.id());
                }
                if (r.title() == null || r.title().isBlank()) {
                    problems.add(r.key() + ": no title");
                }
                if (r.summary() == null || r.summary().isBlank()) {
                    problems.add(r.key() + ": no summary");
                }
                for (int c : r.conditions()) {
                    if (!conditionNumbers.contains(c)) {
                        problems.add(r.key() + ": unknown condition " + c);
                    }
                }
                for (String t : r.appliesIfAny()) {
                    if (!tokens.contains(t)) {
                        problems.add(r.key() + ": applies-if-any token '" + t + "' not declared in applicability-conditions");
                    }
                }
                if (s.levels() != null && r.levels().isEmpty()) {
                    problems.add(r.key() + ": no levels");
                }
                if (r.derived()) {
                    problems.addAll(DerivationProblems.of(catalog, s, r));
                }
                for (String check : r.checks()) {
                    if (r.rationale(check) == null) {
                        problems.add(r.key() + ": check " + check + " has no rationale ('why': how it bears on the requirement)");
                    }
                }
            }
            for (Standard.ApplicabilityCondition a : s.applicabilityConditions()) {
                int colon = a.id().indexOf(':');
                if (colon < 0 || catalog.tokenKind(a.id().substring(0, colon)).isEmpty()) {
                    problems.add(s.id() + ": applicability condition '" + a.id() + "' is not KIND:VALUE with a KIND of"
                            + " index.yaml token-kinds " + catalog.tokenKinds().stream().map(TokenKind::token).toList());
                }
            }
            if (s.levels() != null) {
                for (LevelScheme.Input in : s.levels().inputs()) {
                    if (in.values().isEmpty()) {
                        problems.add(s.id() + ": level input " + in.key() + " has no values");
                    }
                }
            }
            for (Condition c : s.conditions()) {
                if (c.profileKey() == null) {
                    problems.add(s.id() + ": condition " + c.number() + " has no profile key");
                }
            }
        }
        for (var e : catalog.crosswalk().byStandard().entrySet()) {
            Standard from = catalog.standard(e.getKey()).orElse(null);
            if (from == null) {
                problems.add("crosswalk names unknown standard " + e.getKey());
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (Crosswalk.Link link : e.getValue()) {
                if (!seen.add(link.id())) {
                    problems.add("crosswalk " + from.id() + ": " + link.id() + " listed twice");
                }
                if (from.requirement(link.id()).isEmpty()) {
                    problems.add("crosswalk " + from.id() + ": unknown requirement " + link.id());
                }
                for (String t : link.targetIds()) {
                    if (catalog.requirement(link.target(), t).isEmpty()) {
                        problems.add("crosswalk " + from.id() + " " + link.id() + ": unknown target " + link.target() + " " + t);
                    }
                }
                boolean none = "none".equals(link.relation());
                if (none != link.targetIds().isEmpty()) {
                    problems.add("crosswalk " + from.id() + " " + link.id() + ": relation '" + link.relation()
                            + "' does not match " + link.targetIds().size() + " targets");
                }
            }
            for (Requirement r : from.requirements()) {
                if (!seen.contains(r.id())) {
                    problems.add("crosswalk " + from.id() + ": requirement " + r.id() + " is missing");
                }
            }
        }
        return problems;
    }

    /**
     * The structural problems plus every check id a requirement names that is not in {@code knownChecks} (the ids
     * of the check registries, {@code org.iotb.model.Checks.all()}, which this module cannot see on its own).
     */
    public static List<String> problems(Catalog catalog, Set<String> knownChecks) {
        List<String> problems = problems(catalog);
        for (Standard s : catalog.standards()) {
            for (Requirement r : s.requirements()) {
                for (String check : r.checks()) {
                    if (!resolves(check, knownChecks)) {
                        problems.add(r.key() + ": check " + check + " is not a check any module registers");
                    }
                }
            }
        }
        return problems;
    }

    /** An id resolves when it is registered; a family ("fw.cred.*") when it names at least one registered check. */
    private static boolean resolves(String check, Set<String> knownChecks) {
        if (check.endsWith(".*")) {
            String prefix = check.substring(0, check.length() - 1);
            return knownChecks.stream().anyMatch(k -> k.startsWith(prefix));
        }
        return knownChecks.contains(check);
    }
}
