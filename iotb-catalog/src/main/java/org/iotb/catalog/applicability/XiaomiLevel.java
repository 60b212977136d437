package org.iotb.catalog.applicability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotb.catalog.Level;
import org.iotb.catalog.LevelModel;
import org.iotb.catalog.profile.Profile;

/**
 * A product's security level under a level model (Xiaomi Appendix A): the highest of the confidentiality level
 * (from the personal data it handles), the integrity impact level and the availability impact level.
 * {@code level} is null when the profile does not give enough to decide; {@code floor} is then the level the
 * known facts already reach.
 */
public record XiaomiLevel(Level level, Level floor, String reason) {

    public static XiaomiLevel of(LevelModel model, Profile profile) {
        Profile.Xiaomi x = profile.xiaomi();
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Level floor = Level.LOW;
        if (x == null || x.personalData() == null) {
            missing.add("xiaomi.personal-data");
        } else {
            Level c = Level.LOW;
            String because = "no personal data";
            for (String category : x.personalData()) {
                Optional<Level> l = LevelModel.lookup(model.confidentiality(), category);
                if (l.isPresent() && l.get().compareTo(c) >= 0) {
                    c = l.get();
                    because = "personal data '" + category + "'";
                }
            }
            parts.add("confidentiality " + c.id() + " (" + because + ")");
            floor = Level.max(floor, c);
        }
        floor = impact(model.integrity(), x == null ? null : x.integrityImpact(), "integrity", parts, missing, floor);
        floor = impact(model.availability(), x == null ? null : x.availabilityImpact(), "availability", parts, missing, floor);
        String known = String.join(", ", parts);
        if (!missing.isEmpty()) {
            String reason = "level undetermined: " + String.join(", ", missing) + " not given"
                    + (known.isEmpty() ? "" : "; known so far: " + known + " (at least " + floor.id() + ")");
            return new XiaomiLevel(null, floor, reason);
        }
        return new XiaomiLevel(floor, floor, "level " + floor.id() + " = highest of " + known);
    }

    private static Level impact(List<LevelModel.Entry> entries, String value, String name, List<String> parts,
                                List<String> missing, Level floor) {
        if (value == null) {
            missing.add("xiaomi." + name + "-impact");
            return floor;
        }
        Level l = LevelModel.lookup(entries, value).orElse(Level.LOW);
        parts.add(name + " " + l.id() + " (" + value + " impact)");
        return Level.max(floor, l);
    }
}
