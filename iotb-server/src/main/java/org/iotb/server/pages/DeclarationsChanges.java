package org.iotb.server.pages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;

/** Which answers a declarations revision changed from the one before, in words: "etsi-en-303-645:5.2-3 N → Y". */
final class DeclarationsChanges {
    private DeclarationsChanges() {
    }

    static String between(String before, String after, Catalog catalog) {
        Declarations a = parse(before, catalog);
        Declarations b = parse(after, catalog);
        if (a == null || b == null) {
            return "";
        }
        Set<String> keys = new LinkedHashSet<>();
        a.byStandard().forEach((s, m) -> m.keySet().forEach(r -> keys.add(s + ":" + r)));
        b.byStandard().forEach((s, m) -> m.keySet().forEach(r -> keys.add(s + ":" + r)));
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            Declaration x = a.get(k).filter(d -> !d.carried()).orElse(null);
            Declaration y = b.get(k).filter(d -> !d.carried()).orElse(null);
            if (x == null && y == null) {
                continue;
            }
            if (x == null || y == null || x.support() != y.support()) {
                out.add(k + " " + support(x) + " → " + support(y));
            } else if (!Objects.equals(x.detail(), y.detail()) || !x.evidence().equals(y.evidence())) {
                out.add(k + " detail");
            }
        }
        if (out.size() > 12) {
            int more = out.size() - 12;
            out = new ArrayList<>(out.subList(0, 12));
            out.add("and " + more + " more");
        }
        return String.join("; ", out);
    }

    private static String support(Declaration d) {
        return d == null || d.support() == null ? "–" : d.support().text();
    }

    private static Declarations parse(String yaml, Catalog catalog) {
        if (yaml == null) {
            return Declarations.NONE;
        }
        try {
            return DeclarationsLoader.parse(yaml, "declarations", catalog);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
