package org.iotb.catalog.profile;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a product profile and reports every problem with its key and line ("line 7: device.pasword: unknown
 * key; did you mean 'passwords'?"). Values "unknown", "~" or an absent key leave a fact undetermined.
 */
public final class ProfileLoader {
    private static final Set<String> TOP = Set.of("product", "device", "xiaomi", "interfaces", "os", "features");
    private static final Set<String> PRODUCT = Set.of("name", "model", "manufacturer", "firmware-version");
    private static final Set<String> XIAOMI = Set.of("personal-data", "integrity-impact", "availability-impact", "categories");

    private final Vocabulary vocabulary;
    private final String sourceName;
    private final List<String> problems = new ArrayList<>();

    private ProfileLoader(Vocabulary vocabulary, String sourceName) {
        this.vocabulary = vocabulary;
        this.sourceName = sourceName;
    }

    public static Profile load(Path file, Catalog catalog) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), catalog);
        } catch (IOException e) {
            throw new CatalogException("cannot read profile " + file + ": " + e.getMessage(), e);
        }
    }

    public static Profile parse(String yaml, String sourceName, Catalog catalog) {
        return new ProfileLoader(Vocabulary.of(catalog), sourceName).read(new StringReader(yaml));
    }

    private Profile read(Reader reader) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(reader);
        } catch (YAMLException e) {
            throw new CatalogException(sourceName + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new CatalogException(sourceName + ": the profile is empty; run `iotb profile init` for a template");
        }
        if (!(root instanceof MappingNode map)) {
            throw new CatalogException(sourceName + " line " + line(root) + ": a profile is a mapping of keys (product, device, ...)");
        }
        Profile.Product product = null;
        Map<String, Boolean> device = new LinkedHashMap<>();
        Profile.Xiaomi xiaomi = null;
        List<String> interfaces = null;
        String os = null;
        List<String> features = null;
        for (NodeTuple t : map.getValue()) {
            String key = keyOf(t);
            Node v = t.getValueNode();
            if (isNull(v)) {
                continue;
            }
            switch (key) {
                case "product" -> product = product(v);
                case "device" -> device = device(v);
                case "xiaomi" -> xiaomi = xiaomi(v);
                case "interfaces" -> interfaces = words(v, "interfaces", vocabulary.interfaces());
                case "os" -> os = word(v, "os", vocabulary.os());
                case "features" -> features = words(v, "features", vocabulary.features());
                default -> unknownKey(t, "", key, TOP);
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(sourceName + " has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        return new Profile(product, device, xiaomi, interfaces, os, features);
    }

    private Profile.Product product(Node v) {
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple t : mapping(v, "product")) {
            String key = keyOf(t);
            if (!PRODUCT.contains(key)) {
                unknownKey(t, "product.", key, PRODUCT);
            } else if (t.getValueNode() instanceof ScalarNode s) {
                values.put(key, s.getValue());
            } else {
                problem(t.getValueNode(), "product." + key + ": expected a text value");
            }
        }
        return new Profile.Product(values.get("name"), values.get("model"), values.get("manufacturer"),
                values.get("firmware-version"));
    }

    private Map<String, Boolean> device(Node v) {
        Map<String, Boolean> facts = new LinkedHashMap<>();
        for (NodeTuple t : mapping(v, "device")) {
            String key = keyOf(t);
            if (!Profile.DEVICE_KEYS.contains(key)) {
                unknownKey(t, "device.", key, Profile.DEVICE_KEYS);
                continue;
            }
            Node value = t.getValueNode();
            String text = value instanceof ScalarNode s ? s.getValue().trim().toLowerCase(java.util.Locale.ROOT) : null;
            if (isNull(value) || "unknown".equals(text)) {
                continue;
            }
            if ("true".equals(text) || "yes".equals(text)) {
                facts.put(key, true);
            } else if ("false".equals(text) || "no".equals(text)) {
                facts.put(key, false);
            } else {
                problem(value, "device." + key + ": expected true, false or unknown, not '" + text + "'");
            }
        }
        return facts;
    }

    private Profile.Xiaomi xiaomi(Node v) {
        List<String> personal = null;
        String integrity = null;
        String availability = null;
        List<String> categories = null;
        for (NodeTuple t : mapping(v, "xiaomi")) {
            String key = keyOf(t);
            Node value = t.getValueNode();
            if (isNull(value)) {
                continue;
            }
            switch (key) {
                case "personal-data" -> personal = words(value, "xiaomi.personal-data", vocabulary.personalData());
                case "integrity-impact" -> integrity = word(value, "xiaomi.integrity-impact", vocabulary.impacts());
                case "availability-impact" -> availability = word(value, "xiaomi.availability-impact", vocabulary.impacts());
                case "categories" -> categories = words(value, "xiaomi.categories", vocabulary.categories());
                default -> unknownKey(t, "xiaomi.", key, XIAOMI);
            }
        }
        return new Profile.Xiaomi(personal, integrity, availability, categories);
    }

    private List<NodeTuple> mapping(Node v, String key) {
        if (v instanceof MappingNode m) {
            return m.getValue();
        }
        problem(v, key + ": expected a mapping of keys");
        return List.of();
    }

    private String word(Node v, String key, Collection<String> allowed) {
        if (!(v instanceof ScalarNode s)) {
            problem(v, key + ": expected a single word");
            return null;
        }
        String w = s.getValue().trim();
        if ("unknown".equals(w)) {
            return null;
        }
        if (!allowed.contains(w)) {
            problem(v, key + ": '" + w + "' is not one of " + allowed);
            return null;
        }
        return w;
    }

    private List<String> words(Node v, String key, Collection<String> allowed) {
        if (v instanceof ScalarNode s && "unknown".equals(s.getValue().trim())) {
            return null;
        }
        if (!(v instanceof SequenceNode seq)) {
            problem(v, key + ": expected a list such as [a, b] (an empty list [] means none)");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String w = word(item, key, allowed);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    private void unknownKey(NodeTuple t, String prefix, String key, Collection<String> allowed) {
        String hint = allowed.stream().filter(a -> Levenshtein.distance(a, key) <= 2).findFirst()
                .map(a -> "; did you mean '" + a + "'?").orElse("; allowed: " + allowed);
        problem(t.getKeyNode(), prefix + key + ": unknown key" + hint);
    }

    private void problem(Node at, String message) {
        problems.add("line " + line(at) + ": " + message);
    }

    private static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
    }

    private static boolean isNull(Node v) {
        return v instanceof ScalarNode s && ("null".equals(s.getTag().getValue().replace("tag:yaml.org,2002:", ""))
                || s.getValue().isEmpty() || "~".equals(s.getValue()));
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }
}
