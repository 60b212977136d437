package org.iotb.catalog.derived;

import java.util.ArrayList;
import java.util.List;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;

/**
 * What the validator reports about one derived requirement: sources that do not resolve, a source that is itself
 * derived (a view reads assessed requirements, never another view), its own checks, conditions or applicability
 * tokens (a derived verdict has no evidence or applicability of its own: both come from its sources), a missing
 * rationale, an unknown confidence word or an unverified row without its reason.
 */
public final class DerivationProblems {
    private DerivationProblems() {
    }

    public static List<String> of(Catalog catalog, Standard standard, Requirement r) {
        List<String> problems = new ArrayList<>();
        Derivation d = r.derivation();
        for (Derivation.Source src : d.sources()) {
            if (src.standard().equals(standard.id())) {
                problems.add(r.key() + ": derived-from names its own standard (" + src.key() + ")");
                continue;
            }
            var target = catalog.requirement(src.standard(), src.id());
            if (target.isEmpty()) {
                problems.add(r.key() + ": derived-from " + src.key() + " is not a requirement of the catalog");
            } else if (target.get().derived()) {
                problems.add(r.key() + ": derived-from " + src.key() + " is itself derived (a view reads assessed requirements)");
            }
        }
        if (d.sources().stream().map(Derivation.Source::key).distinct().count() != d.sources().size()) {
            problems.add(r.key() + ": derived-from names a requirement twice");
        }
        if (!r.checks().isEmpty()) {
            problems.add(r.key() + ": a derived requirement has no checks of its own (its sources' checks decide)");
        }
        if (!r.conditions().isEmpty() || !r.appliesIfAny().isEmpty() || !r.levels().isEmpty()) {
            problems.add(r.key() + ": a derived requirement has no conditions, applies-if-any or levels (it applies where its sources apply)");
        }
        if (d.rationale() == null || d.rationale().isBlank()) {
            problems.add(r.key() + ": derived-from without a rationale (why these requirements answer it)");
        }
        if (d.confidence() != null && !d.unverified()) {
            problems.add(r.key() + ": confidence must be '" + Derivation.UNVERIFIED + "' or absent, not '" + d.confidence() + "'");
        }
        if (d.unverified() && (d.confidenceNote() == null || d.confidenceNote().isBlank())) {
            problems.add(r.key() + ": confidence unverified without a confidence-note saying why");
        }
        return problems;
    }
}
