package org.iotb.catalog.applicability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Condition;
import org.iotb.catalog.LevelScheme;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.TokenKind;
import org.iotb.catalog.profile.Profile;

/**
 * Decides, for every requirement of a standard, whether it applies to a product described by a profile:
 * numbered conditions (all must hold), the product's security level (for standards with levels) and the
 * "applies-if-any" categories, interfaces, OS and features. An unknown fact gives "undetermined", never a guess.
 */
public final class ApplicabilityEngine {
    private final Catalog catalog;

    public ApplicabilityEngine(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<ApplicabilityResult> evaluate(Standard standard, Profile profile) {
        List<Condition> conditions = catalog.conditionsOf(standard);
        ProductLevel level = level(standard, profile);
        List<ApplicabilityResult> out = new ArrayList<>();
        for (Requirement r : standard.requirements()) {
            out.add(evaluate(r, conditions, standard.levels(), level, profile));
        }
        return out;
    }

    /** The product's level under the standard's level scheme, or null if the standard has no levels. */
    public ProductLevel level(Standard standard, Profile profile) {
        return standard.levels() == null ? null : ProductLevel.of(standard.levels(), profile);
    }

    private ApplicabilityResult evaluate(Requirement r, List<Condition> conditions, LevelScheme scheme, ProductLevel level,
                                         Profile profile) {
        List<String> unknown = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int n : r.conditions()) {
            Condition c = conditions.stream().filter(x -> x.number() == n).findFirst().orElse(null);
            if (c == null) {
                unknown.add("condition " + n + " is not defined");
                continue;
            }
            Boolean fact = profile.fact(c.profileKey());
            String name = "condition " + n + " (" + c.text().toLowerCase(Locale.ROOT) + ")";
            if (fact == null) {
                unknown.add(name + " unknown: set device." + c.profileKey());
            } else if (fact != c.whenEquals()) {
                return new ApplicabilityResult(r, Applies.NO, name + " not met: device." + c.profileKey() + " is " + fact);
            } else {
                held.add(name);
            }
        }
        if (level != null && !r.levels().isEmpty()) {
            if (level.level() != null) {
                if (!r.levels().contains(level.level())) {
                    return new ApplicabilityResult(r, Applies.NO, "required at level " + levels(r) + "; the product is "
                            + level.level() + " (" + level.reason() + ")");
                }
                held.add("required at the product's level " + level.level());
            } else {
                // The level is unknown, but the known facts already reach a floor: the product's level is the
                // floor or above, so the item applies for sure only if it is required at every such level.
                boolean requiredAtEveryPossibleLevel = scheme.scale().stream()
                        .filter(l -> scheme.rank(l) >= scheme.rank(level.floor())).allMatch(r.levels()::contains);
                if (requiredAtEveryPossibleLevel) {
                    held.add("required at every level from " + level.floor() + " up, and the product is at least "
                            + level.floor());
                } else {
                    unknown.add("product level unknown (" + level.reason() + "); required at level " + levels(r));
                }
            }
        }
        if (!r.appliesIfAny().isEmpty()) {
            TokenMatch m = matchTokens(r.appliesIfAny(), profile, catalog);
            if (m.matched != null) {
                held.add("the product has " + m.matched);
            } else if (!m.unknownKinds.isEmpty()) {
                unknown.add("applies only to " + String.join(" or ", r.appliesIfAny()) + "; the profile does not give "
                        + String.join(", ", m.unknownKinds));
            } else {
                return new ApplicabilityResult(r, Applies.NO, "applies only to " + String.join(" or ", r.appliesIfAny())
                        + "; the product has none of them");
            }
        }
        if (!unknown.isEmpty()) {
            return new ApplicabilityResult(r, Applies.UNDETERMINED, String.join("; ", unknown));
        }
        return new ApplicabilityResult(r, Applies.YES, held.isEmpty() ? "unconditional" : String.join("; ", held));
    }

    private static String levels(Requirement r) {
        return String.join("/", r.levels());
    }

    private record TokenMatch(String matched, List<String> unknownKinds) {
    }

    /** The first token the product has; else the profile keys that, unknown, left the answer open. */
    private static TokenMatch matchTokens(List<String> tokens, Profile profile, Catalog catalog) {
        List<String> unknownKinds = new ArrayList<>();
        for (String token : tokens) {
            int colon = token.indexOf(':');
            String kind = colon < 0 ? token : token.substring(0, colon);
            String value = colon < 0 ? "" : token.substring(colon + 1);
            String key = catalog.tokenKind(kind).map(TokenKind::key).orElse(null);
            boolean deviceFact = Profile.DEVICE.equals(key); // "device:telemetry": the device fact itself
            List<String> have = key == null ? null : deviceFact ? profile.deviceWords(value) : profile.words(key);
            if (have == null) {
                String missing = key == null ? token : deviceFact ? key + "." + value : key;
                if (!unknownKinds.contains(missing)) {
                    unknownKinds.add(missing);
                }
            } else if (have.contains(value)) {
                return new TokenMatch(token, List.of());
            }
        }
        return new TokenMatch(null, unknownKinds);
    }
}
