package org.iotb.catalog.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;

/**
 * Writes a commented profile template. Keys and comments come from the catalog through {@link ProfileSchema}
 * (condition texts, level schemes, token kinds), so the template explains exactly what each key decides and a new
 * standard's keys appear without code. Answers may be supplied (from an interactive run), keyed as in the profile:
 * "product.name", "device.passwords", "xiaomi.personal-data", "interfaces".
 */
public final class ProfileTemplate {
    private static final List<String> PRODUCT_KEYS = List.of("name", "model", "manufacturer", "firmware-version");

    private ProfileTemplate() {
    }

    /**
     * Every question of the profile, in template order: the product's names, one per device key (worded from the
     * conditions it decides), one per word or word-list fact. {@code kind} is "text", "boolean", "word" or "list".
     */
    public static List<Question> questions(Catalog catalog) {
        ProfileSchema schema = ProfileSchema.of(catalog);
        List<Question> out = new ArrayList<>();
        PRODUCT_KEYS.forEach(k -> out.add(new Question("product." + k, "text", "product " + k, List.of())));
        for (ProfileSchema.DeviceKey d : schema.deviceKeys()) {
            out.add(new Question("device." + d.key(), "boolean", String.join("; ", d.explanations()), List.of()));
        }
        for (ProfileSchema.Fact f : schema.facts()) {
            out.add(new Question(f.key(), f.list() ? "list" : "word", f.description() == null ? f.key() : f.description(),
                    List.copyOf(f.words())));
        }
        return out;
    }

    /**
     * One profile key to answer: {@code key} as in the profile, {@code explanation} what it decides, {@code words}
     * the allowed values of a word or list question.
     */
    public record Question(String key, String kind, String explanation, List<String> words) {

        /** The values this question accepts, as the wizard shows them. */
        public String allowed() {
            return switch (kind) {
                case "text" -> "any text (Enter keeps the placeholder)";
                case "boolean" -> "true, false or unknown (Enter: unknown)";
                case "list" -> "a comma-separated list of " + String.join(", ", words) + "; none for an empty list; "
                        + "unknown (Enter) when you do not know";
                default -> "one of " + String.join(", ", words) + "; unknown (Enter) when you do not know";
            };
        }

        /**
         * Reads one typed answer: the YAML value to write, {@link Answer#unknown} to leave the key unknown, or an
         * error naming what is allowed — so nothing the wizard writes is refused by {@code profile check}. An empty
         * list is written only when the user says "none" (or "[]"): an empty list means "none", never "unknown".
         */
        public Answer answer(String typed) {
            String a = typed == null ? "" : typed.trim();
            if (a.isEmpty() || (!kind.equals("text") && a.equalsIgnoreCase("unknown"))) {
                return Answer.UNKNOWN;
            }
            switch (kind) {
                case "text" -> {
                    return Answer.of("'" + a.replace("'", "''") + "'");
                }
                case "boolean" -> {
                    String b = a.toLowerCase(java.util.Locale.ROOT);
                    if (List.of("true", "yes", "y", "t").contains(b)) {
                        return Answer.of("true");
                    }
                    if (List.of("false", "no", "n", "f").contains(b)) {
                        return Answer.of("false");
                    }
                    return Answer.error("'" + a + "' is not true, false or unknown");
                }
                case "list" -> {
                    String inner = a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1).trim() : a;
                    if (inner.isEmpty() || inner.equalsIgnoreCase("none")) {
                        return Answer.of("[]");
                    }
                    List<String> items = java.util.Arrays.stream(inner.split("[,\\s]+")).filter(x -> !x.isEmpty()).toList();
                    List<String> bad = items.stream().filter(x -> !words.contains(x)).toList();
                    if (!bad.isEmpty()) {
                        return Answer.error("not allowed: " + String.join(", ", bad));
                    }
                    return Answer.of("[" + String.join(", ", items.stream().distinct().toList()) + "]");
                }
                default -> {
                    return words.contains(a) ? Answer.of(a) : Answer.error("'" + a + "' is not allowed");
                }
            }
        }
    }

    /** A typed answer read: {@code yaml} to write, or null with {@code error} set, or both null for unknown. */
    public record Answer(String yaml, String error) {
        public static final Answer UNKNOWN = new Answer(null, null);

        static Answer of(String yaml) {
            return new Answer(yaml, null);
        }

        static Answer error(String error) {
            return new Answer(null, error);
        }

        public boolean valid() {
            return error == null;
        }
    }

    public static String render(Catalog catalog, Map<String, String> answers) {
        ProfileSchema schema = ProfileSchema.of(catalog);
        StringBuilder b = new StringBuilder();
        b.append("# iotb product profile. Every fact may be left as 'unknown': requirements that depend on an\n")
                .append("# unknown fact are reported as 'undetermined' instead of being guessed.\n")
                .append("product:\n")
                .append("  name: ").append(answers.getOrDefault("product.name", "\"My device\"")).append('\n')
                .append("  model: ").append(answers.getOrDefault("product.model", "\"M1\"")).append('\n')
                .append("  manufacturer: ").append(answers.getOrDefault("product.manufacturer", "\"Example Ltd\"")).append('\n')
                .append("  firmware-version: ").append(answers.getOrDefault("product.firmware-version", "\"1.0.0\"")).append('\n');
        List<String> withConditions = catalog.standards().stream().filter(s -> !catalog.conditionsOf(s).isEmpty())
                .map(Standard::shortTitle).toList();
        b.append("\n# ").append(String.join(" / ", withConditions)).append(" conditions (true, false or unknown)\ndevice:\n");
        for (ProfileSchema.DeviceKey d : schema.deviceKeys()) {
            b.append("  ").append(d.key()).append(": ").append(answers.getOrDefault("device." + d.key(), "unknown"))
                    .append("   # ").append(String.join("; ", d.explanations())).append('\n');
        }
        String section = null;
        for (ProfileSchema.Fact f : schema.facts()) {
            boolean inSection = !f.top().equals(f.key());
            String indent = inSection ? "  " : "";
            if (!f.top().equals(section)) {
                section = f.top();
                b.append('\n');
                if (schema.sectionNotes().containsKey(section)) {
                    b.append("# ").append(schema.sectionNotes().get(section)).append('\n');
                }
                if (inSection) {
                    b.append(section).append(":\n");
                }
            }
            if (!f.details().isEmpty()) {
                b.append(indent).append("# ").append(f.description() == null ? f.key() : f.description()).append(":\n");
                f.details().forEach(line -> b.append(indent).append("#   ").append(line).append('\n'));
            }
            String name = inSection ? f.key().substring(section.length() + 1) : f.key();
            b.append(indent).append(name).append(": ").append(answers.getOrDefault(f.key(), "unknown")).append("   # ");
            if (f.list()) {
                b.append("list, any of: ").append(String.join(", ", f.words()));
            } else {
                b.append(String.join(" | ", f.words()));
            }
            if (f.details().isEmpty() && f.description() != null) {
                b.append(" (").append(f.description()).append(')');
            }
            b.append('\n');
        }
        return b.toString();
    }
}
