package org.iotb.assess.regulation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;
import org.iotb.catalog.profile.Profile;

/**
 * The assessment warnings for every restriction of Implementing Decision (EU) 2025/138 that the product profile
 * indicates for an assessed EN 18031 part: under it the harmonised standard gives no presumption of conformity and a
 * notified body has to assess that aspect. Nothing is said for standards that are not assessed, so an assessment of
 * the default baselines is unchanged.
 */
public final class PresumptionWarnings {
    private PresumptionWarnings() {
    }

    public static List<String> of(Regulations regulations, Catalog catalog, Collection<Standard> assessed, Profile profile) {
        List<String> ids = assessed.stream().map(Standard::id).toList();
        List<String> out = new ArrayList<>();
        for (Regulations.Restriction r : regulations.restrictions()) {
            List<String> names = r.standards().stream().filter(ids::contains)
                    .map(id -> catalog.standard(id).map(Standard::shortTitle).orElse(id)).toList();
            if (!names.isEmpty() && r.indicatedBy(profile)) {
                out.add(String.join(", ", names) + ": NO PRESUMPTION OF CONFORMITY for clauses " + String.join(", ", r.clauses())
                        + " (" + String.join(", ", r.requirements()) + "; Implementing Decision (EU) 2025/138, " + r.sourceUrl() + "): " + r.text() + "; indicated by " + r.indicators(profile)
                        + "; a notified body has to assess this aspect (Directive 2014/53/EU, Article 17)");
            }
        }
        return out;
    }
}
