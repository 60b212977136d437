package org.iotb.catalog.applicability;

import java.util.ArrayList;
import java.util.List;
import org.iotb.catalog.LevelScheme;
import org.iotb.catalog.profile.Profile;

/**
 * A product's level under a standard's {@link LevelScheme}: the highest level its inputs reach. {@code level} is
 * null when the profile leaves an input unknown; {@code floor} is then the level the known inputs already reach.
 */
public record ProductLevel(String level, String floor, String reason) {

    public static ProductLevel of(LevelScheme scheme, Profile profile) {
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String floor = scheme.lowest();
        for (LevelScheme.Input input : scheme.inputs()) {
            String key = scheme.profileSection() + "." + input.key();
            List<String> values = profile.words(key);
            if (values == null) {
                missing.add(key);
                continue;
            }
            String level = scheme.lowest();
            String because = input.becauseNone();
            if (input.list()) {
                // The last value of the highest level names the reason (as the standard's tables are read).
                for (String v : values) {
                    String l = input.levelOf(v).orElse(null);
                    if (l != null && scheme.rank(l) >= scheme.rank(level)) {
                        level = l;
                        because = word(input.because(), v);
                    }
                }
            } else {
                String v = values.get(0);
                level = input.levelOf(v).orElse(scheme.lowest());
                because = word(input.because(), v);
            }
            parts.add(input.name() + " " + level + " (" + because + ")");
            floor = scheme.max(floor, level);
        }
        String known = String.join(", ", parts);
        if (!missing.isEmpty()) {
            String reason = "level undetermined: " + String.join(", ", missing) + " not given"
                    + (known.isEmpty() ? "" : "; known so far: " + known + " (at least " + floor + ")");
            return new ProductLevel(null, floor, reason);
        }
        return new ProductLevel(floor, floor, "level " + floor + " = highest of " + known);
    }

    private static String word(String template, String value) {
        return template == null ? value : template.replace("{value}", value);
    }
}
