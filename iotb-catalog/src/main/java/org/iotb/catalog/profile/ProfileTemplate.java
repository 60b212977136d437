package org.iotb.catalog.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Condition;
import org.iotb.catalog.LevelModel;

/**
 * Writes a commented profile template. The comments come from the catalog (condition texts, level model),
 * so the template explains exactly what each key decides. Answers may be supplied (from an interactive run).
 */
public final class ProfileTemplate {
    private ProfileTemplate() {
    }

    /** One question per device key, worded from the EN 303 645 conditions it decides. */
    public static List<Question> questions(Catalog catalog) {
        List<Condition> conditions = catalog.standard(Catalog.EN_303_645).map(s -> s.conditions()).orElse(List.of());
        List<Question> out = new ArrayList<>();
        for (String key : Profile.DEVICE_KEYS) {
            List<String> texts = new ArrayList<>();
            for (Condition c : conditions) {
                if (key.equals(c.profileKey())) {
                    texts.add("condition " + c.number() + " \"" + c.text() + "\" holds when " + c.whenEquals());
                }
            }
            out.add(new Question(key, String.join("; ", texts)));
        }
        return out;
    }

    public record Question(String key, String explanation) {
    }

    public static String render(Catalog catalog, Map<String, String> answers) {
        Vocabulary v = Vocabulary.of(catalog);
        StringBuilder b = new StringBuilder();
        b.append("# iotb product profile. Every fact may be left as 'unknown': requirements that depend on an\n")
                .append("# unknown fact are reported as 'undetermined' instead of being guessed.\n")
                .append("product:\n")
                .append("  name: ").append(answers.getOrDefault("product.name", "\"My device\"")).append('\n')
                .append("  model: ").append(answers.getOrDefault("product.model", "\"M1\"")).append('\n')
                .append("  manufacturer: ").append(answers.getOrDefault("product.manufacturer", "\"Example Ltd\"")).append('\n')
                .append("  firmware-version: ").append(answers.getOrDefault("product.firmware-version", "\"1.0.0\"")).append('\n')
                .append("\n# EN 303 645 / MTSFB conditions (true, false or unknown)\ndevice:\n");
        for (Question q : questions(catalog)) {
            b.append("  ").append(q.key()).append(": ").append(answers.getOrDefault("device." + q.key(), "unknown"));
            if (!q.explanation().isEmpty()) {
                b.append("   # ").append(q.explanation());
            }
            b.append('\n');
        }
        b.append("\n# Xiaomi Appendix A: the product's security level is the highest of these three\nxiaomi:\n");
        catalog.standard(Catalog.XIAOMI).map(s -> s.levels()).ifPresent(levels -> {
            b.append("  # personal data the product handles; each category has a level:\n");
            for (LevelModel.Entry e : levels.confidentiality()) {
                b.append("  #   ").append(e.key()).append(" -> ").append(e.level().id())
                        .append(e.text() == null ? "" : " (" + e.text() + ")").append('\n');
            }
        });
        b.append("  personal-data: ").append(answers.getOrDefault("xiaomi.personal-data", "unknown")).append('\n')
                .append("  integrity-impact: ").append(answers.getOrDefault("xiaomi.integrity-impact", "unknown"))
                .append("      # ").append(String.join(" | ", v.impacts())).append('\n')
                .append("  availability-impact: ").append(answers.getOrDefault("xiaomi.availability-impact", "unknown"))
                .append("   # ").append(String.join(" | ", v.impacts())).append('\n')
                .append("  categories: ").append(answers.getOrDefault("xiaomi.categories", "[]"))
                .append("   # any of: ").append(String.join(", ", v.categories())).append('\n')
                .append("\ninterfaces: ").append(answers.getOrDefault("interfaces", "unknown"))
                .append("   # list, any of: ").append(String.join(", ", v.interfaces())).append('\n')
                .append("os: ").append(answers.getOrDefault("os", "unknown"))
                .append("   # ").append(String.join(" | ", v.os())).append('\n')
                .append("features: ").append(answers.getOrDefault("features", "unknown"))
                .append("   # list, any of: ").append(String.join(", ", v.features())).append('\n');
        return b.toString();
    }
}
