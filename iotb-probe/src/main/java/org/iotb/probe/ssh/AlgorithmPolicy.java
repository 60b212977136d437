package org.iotb.probe.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iotb.model.Json;

/**
 * Grades SSH algorithms. Which names are known comes from ssh-audit's database (data/ssh-algorithms.csv, so the
 * set stays equal to ssh-audit's); the grade of each, with its reason and cited source, comes from
 * data/ssh-grading.yaml (published best practice: NIST, BSI, IETF), first matching rule wins.
 */
public final class AlgorithmPolicy {
    /** A grade (fail, warn, ok or unknown), why, and the document that says so. */
    public record Verdict(String level, String reason, String source) {
    }

    /** A cipher/MAC pair graded worse than its parts (from the file's combinations). */
    public record Combination(List<Pattern> ciphers, List<Pattern> macs, Verdict verdict) {
    }

    record Rule(String kind, List<Pattern> names, Verdict verdict) {
    }

    private static final String CSV = "/org/iotb/probe/data/ssh-algorithms.csv";
    private static final String YAML = "/org/iotb/probe/data/ssh-grading.yaml";
    private static final Map<String, String> SSH_AUDIT = loadKnown();
    private static final List<Rule> RULES = new ArrayList<>();
    private static final List<Combination> COMBINATIONS = new ArrayList<>();

    static {
        loadGrades();
    }

    private AlgorithmPolicy() {
    }

    /** The verdict for an algorithm of a kind (kex, hostkey, cipher, mac); names ssh-audit does not know are "unknown". */
    public static Verdict of(String kind, String name) {
        if (!SSH_AUDIT.containsKey(kind + "," + name)) {
            return new Verdict("unknown", "not in the algorithm table", "");
        }
        return grade(kind, name);
    }

    /** The best-practice grade of any name, known to ssh-audit or not ("unknown" when no rule matches). */
    static Verdict grade(String kind, String name) {
        for (Rule r : RULES) {
            if (r.kind().equals(kind) && matches(r.names(), name)) {
                return r.verdict();
            }
        }
        return new Verdict("unknown", "no grading rule", "");
    }

    /** ssh-audit's own level for a name (fail, warn, ok), or null: kept for comparison only. */
    public static String sshAuditLevel(String kind, String name) {
        return SSH_AUDIT.get(kind + "," + name);
    }

    /** "kind,name" of every algorithm ssh-audit knows. */
    static Set<String> known() {
        return SSH_AUDIT.keySet();
    }

    /** The combination verdicts that the offered ciphers and MACs trigger, with the pair that triggered each. */
    public static Map<String, Verdict> combinations(Collection<String> ciphers, Collection<String> macs) {
        Map<String, Verdict> out = new java.util.LinkedHashMap<>();
        for (Combination c : COMBINATIONS) {
            String cipher = ciphers.stream().filter(n -> matches(c.ciphers(), n)).findFirst().orElse(null);
            String mac = macs.stream().filter(n -> matches(c.macs(), n)).findFirst().orElse(null);
            if (cipher != null && mac != null) {
                out.put(cipher + " with " + mac, c.verdict());
            }
        }
        return out;
    }

    static boolean matches(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    /** A name pattern where "*" stands for any run of characters and everything else is literal. */
    static Pattern glob(String g) {
        List<String> parts = new ArrayList<>();
        for (String part : g.split("\\*", -1)) {
            parts.add(part.isEmpty() ? "" : Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts));
    }

    private static List<Pattern> globs(JsonNode list) {
        List<Pattern> out = new ArrayList<>();
        list.forEach(n -> out.add(glob(n.asText())));
        return out;
    }

    private static Verdict verdict(JsonNode n) {
        String level = n.path("grade").asText();
        if (!Set.of("fail", "warn", "ok").contains(level) || n.path("source").asText().isBlank()) {
            throw new IllegalStateException(YAML + ": every rule needs grade fail|warn|ok and a source: " + n);
        }
        return new Verdict(level, n.path("reason").asText(), n.path("source").asText());
    }

    private static void loadGrades() {
        try (InputStream in = AlgorithmPolicy.class.getResourceAsStream(YAML)) {
            JsonNode root = Json.yaml().readTree(in);
            for (JsonNode r : root.path("rules")) {
                RULES.add(new Rule(r.path("kind").asText(), globs(r.path("names")), verdict(r)));
            }
            for (JsonNode c : root.path("combinations")) {
                COMBINATIONS.add(new Combination(globs(c.path("ciphers")), globs(c.path("macs")), verdict(c)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> loadKnown() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = AlgorithmPolicy.class.getResourceAsStream(CSV);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.startsWith("kind,")) {
                    continue;
                }
                String[] f = line.split(",", 4);
                if (f.length == 4) {
                    m.put(f[0] + "," + f[1], f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
