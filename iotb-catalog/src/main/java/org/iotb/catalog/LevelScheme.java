package org.iotb.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A standard's product levels, as its YAML defines them ({@code levels:}; Xiaomi's low/medium/high from its
 * Appendix A is one instance). {@code scale} orders the levels from lowest to highest; each {@link Input} is a
 * profile fact under {@code profileSection} whose values map to levels; the product's level is the highest level
 * its inputs reach (the only combination rule, {@code highest}). {@code label} names the level in reports
 * ("Xiaomi security level"), {@code rule} says the rule in the standard's words.
 */
public record LevelScheme(List<String> scale, String label, String rule, String profileSection, List<Input> inputs) {

    public LevelScheme {
        scale = List.copyOf(scale);
        inputs = List.copyOf(inputs);
    }

    /** The position of a level on the scale (0 = lowest), or -1 if the scale does not have it. */
    public int rank(String level) {
        return scale.indexOf(level);
    }

    public String lowest() {
        return scale.get(0);
    }

    /** The higher of two levels of this scale. */
    public String max(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    /**
     * One question that decides a level: the profile fact {@code profileSection.key}. A {@code list} input takes
     * several values (personal-data categories) and reaches the highest of their levels, or the lowest level when
     * the list is empty ({@code becauseNone}). {@code name} and {@code because} word the reason
     * ("integrity high (severe impact)"; {@code {value}} stands for the profile's value).
     */
    public record Input(String key, String name, boolean list, String question, String because, String becauseNone,
                        List<Value> values) {
        public Input {
            values = List.copyOf(values);
        }

        public Optional<String> levelOf(String value) {
            return values.stream().filter(v -> v.value().equals(value)).map(Value::level).findFirst();
        }
    }

    /** A value a profile may give for an input, and the level it maps to. */
    public record Value(String value, String level, String text) {
    }
}
