package org.iotb.probe.tls;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.iotb.model.Json;

/**
 * Grades cipher suites by data/tls-grading.yaml: each rule names a label (rc4, no-forward-secrecy, ...), a grade
 * (fail or warn), the conditions on the suite's parts, and the document that rejects or discourages it.
 */
public final class TlsGrading {
    /** One rule that applies to a suite. */
    public record Grade(String label, String level, String reason, String source) {
    }

    private record Rule(Grade grade, Map<Function<CipherSuite, String>, List<Pattern>> conditions) {
        boolean applies(CipherSuite c) {
            return conditions.entrySet().stream().allMatch(e -> {
                String value = e.getKey().apply(c);
                return e.getValue().stream().anyMatch(p -> p.matcher(value).matches());
            });
        }
    }

    private static final String YAML = "/org/iotb/probe/data/tls-grading.yaml";
    private static final Map<String, Function<CipherSuite, String>> FIELDS = fields();
    private static final List<Rule> RULES = load();

    private TlsGrading() {
    }

    /** Every rule that applies to the suite, in file order (empty for a suite no source objects to). */
    public static List<Grade> of(CipherSuite c) {
        return RULES.stream().filter(r -> r.applies(c)).map(Rule::grade).toList();
    }

    /** The rule with this label (for messages naming the source of a label). */
    public static Grade byLabel(String label) {
        return RULES.stream().map(Rule::grade).filter(g -> g.label().equals(label)).findFirst().orElse(null);
    }

    private static Map<String, Function<CipherSuite, String>> fields() {
        Map<String, Function<CipherSuite, String>> m = new LinkedHashMap<>();
        m.put("iana", CipherSuite::iana);
        m.put("kx", CipherSuite::kx);
        m.put("auth", CipherSuite::auth);
        m.put("enc", CipherSuite::enc);
        m.put("mac", CipherSuite::mac);
        return m;
    }

    private static Pattern glob(String g) {
        List<String> parts = new ArrayList<>();
        for (String part : g.split("\\*", -1)) {
            parts.add(part.isEmpty() ? "" : Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts), Pattern.CASE_INSENSITIVE);
    }

    private static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = TlsGrading.class.getResourceAsStream(YAML)) {
            for (JsonNode r : Json.yaml().readTree(in).path("rules")) {
                String level = r.path("grade").asText();
                if (!Set.of("fail", "warn").contains(level) || r.path("source").asText().isBlank()
                        || r.path("label").asText().isBlank()) {
                    throw new IllegalStateException(YAML + ": every rule needs a label, grade fail|warn and a source: "
                            + r);
                }
                Map<Function<CipherSuite, String>, List<Pattern>> conditions = new LinkedHashMap<>();
                FIELDS.forEach((name, getter) -> {
                    if (r.has(name)) {
                        List<Pattern> ps = new ArrayList<>();
                        r.path(name).forEach(n -> ps.add(glob(n.asText())));
                        conditions.put(getter, ps);
                    }
                });
                if (conditions.isEmpty()) {
                    throw new IllegalStateException(YAML + ": rule without a condition: " + r);
                }
                rules.add(new Rule(new Grade(r.path("label").asText(), level, r.path("reason").asText(),
                        r.path("source").asText()), conditions));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

}
