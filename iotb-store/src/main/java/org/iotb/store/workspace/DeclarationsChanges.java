package org.iotb.store.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;

/**
 * What changed between two revisions of a product's declarations, in one line for the audit log: each answer added,
 * removed or changed ("etsi-en-303-645 5.1-1 support Y→N"). Answers the crosswalk carried over are not the
 * manufacturer's own words and are left out.
 */
final class DeclarationsChanges {
    /** The audit line names at most this many answers, then how many more. */
    private static final int MAX_NAMED = 40;

    private DeclarationsChanges() {
    }

    static String summary(Declarations before, Declarations after) {
        List<String> changes = new ArrayList<>();
        TreeSet<String> standards = new TreeSet<>(before.byStandard().keySet());
        standards.addAll(after.byStandard().keySet());
        for (String standard : standards) {
            Map<String, Declaration> b = before.byStandard().getOrDefault(standard, Map.of());
            Map<String, Declaration> a = after.byStandard().getOrDefault(standard, Map.of());
            TreeSet<String> ids = new TreeSet<>(b.keySet());
            ids.addAll(a.keySet());
            for (String id : ids) {
                Declaration was = own(b.get(id));
                Declaration now = own(a.get(id));
                String key = standard + " " + id;
                if (was == null && now != null) {
                    changes.add("added " + key + " (" + now.support() + ")");
                } else if (was != null && now == null) {
                    changes.add("removed " + key);
                } else if (was != null && !was.equals(now)) {
                    List<String> what = new ArrayList<>();
                    if (was.support() != now.support()) {
                        what.add("support " + was.support() + "→" + now.support());
                    }
                    if (!Objects.equals(was.detail(), now.detail())) {
                        what.add("detail");
                    }
                    if (!Objects.equals(was.evidence(), now.evidence())) {
                        what.add("evidence");
                    }
                    changes.add("changed " + key + " (" + String.join(", ", what) + ")");
                }
            }
        }
        if (changes.isEmpty()) {
            return "no answer changed";
        }
        String named = String.join("; ", changes.subList(0, Math.min(MAX_NAMED, changes.size())));
        return changes.size() + (changes.size() == 1 ? " answer: " : " answers: ") + named
                + (changes.size() > MAX_NAMED ? "; and " + (changes.size() - MAX_NAMED) + " more" : "");
    }

    private static Declaration own(Declaration d) {
        return d == null || d.carried() ? null : d;
    }
}
