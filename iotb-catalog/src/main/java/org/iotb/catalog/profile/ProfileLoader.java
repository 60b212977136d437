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
import org.iotb.catalog.UserYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a product profile and reports every problem with its key and line ("line 7: device.pasword: unknown
 * key; did you mean 'passwords'?"). Values "unknown", "~" or an absent key leave a fact undetermined. A value that
 * moved to another fact ({@link ProfileSchema#moved}: {@code features: [telemetry]} is now {@code device.telemetry})
 * is still read, mapped to its new place (an explicit value there wins) and reported in {@link Profile#warnings()}.
 */
public final class ProfileLoader {
    private static final Set<String> PRODUCT = Set.of("name", "model", "manufacturer", "firmware-version");

    private final ProfileSchema schema;
    private final String sourceName;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** Moved values found, with their line, mapped once the whole file is read. */
    private final Map<ProfileSchema.Moved, Integer> movedFound = new LinkedHashMap<>();

    private ProfileLoader(ProfileSchema schema, String sourceName) {
        this.schema = schema;
        this.sourceName = sourceName;
    }

    public static Profile load(Path file, Catalog catalog) {
        try {
            org.iotb.model.io.InputFiles.requireFile(file, "profile"); // a FIFO or device would never end
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), catalog);
        } catch (IOException e) {
            throw new CatalogException("cannot read profile " + file + ": " + e.getMessage(), e);
        }
    }

    public static Profile parse(String yaml, String sourceName, Catalog catalog) {
        return new ProfileLoader(ProfileSchema.of(catalog), sourceName).read(new StringReader(yaml));
    }

    private Profile read(Reader reader) {
        Node root;
        root = UserYaml.compose(reader, sourceName);
        if (root == null) {
            throw new CatalogException(sourceName + ": the profile is empty; run `iotb profile init` for a template");
        }
        if (!(root instanceof MappingNode map)) {
            throw new CatalogException(sourceName + " line " + line(root) + ": a profile is a mapping of keys (product, device, ...)");
        }
        Profile.Product product = null;
        Map<String, Boolean> device = new LinkedHashMap<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = keyOf(t);
            Node v = t.getValueNode();
            if (isNull(v)) {
                continue;
            }
            if (key.equals("product")) {
                product = product(v);
            } else if (key.equals("device")) {
                device = device(v);
            } else if (!schema.topKeys().contains(key)) {
                unknownKey(t, "", key, schema.topKeys());
            } else {
                List<ProfileSchema.Fact> under = schema.factsUnder(key);
                if (under.size() == 1 && under.get(0).key().equals(key)) {
                    fact(v, under.get(0), facts);
                } else {
                    section(v, key, under, facts);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(sourceName + " has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        mapMoved(device, facts);
        return new Profile(product, device, facts, warnings);
    }

    /** Puts each moved value found at its new place, unless the file gives that place a value itself. */
    private void mapMoved(Map<String, Boolean> device, Map<String, Object> facts) {
        movedFound.forEach((m, line) -> {
            String old = m.oldKey() + ": [" + m.oldWord() + "]";
            String where = sourceName + " line " + line + ": ";
            if (Profile.DEVICE.equals(m.newKey())) {
                Boolean given = device.get(m.newWord());
                if (given == null) {
                    device.put(m.newWord(), true);
                    warnings.add(where + "'" + old + "' is deprecated: it is now " + m.newPlace()
                            + " (one fact for every standard); read as " + m.newPlace());
                } else {
                    warnings.add(where + "'" + old + "' is deprecated and ignored: device." + m.newWord() + " is "
                            + given + " in the same file");
                }
            } else {
                @SuppressWarnings("unchecked")
                List<String> now = facts.get(m.newKey()) instanceof List<?> l ? new ArrayList<>((List<String>) l) : new ArrayList<>();
                if (!now.contains(m.newWord())) {
                    now.add(m.newWord());
                }
                facts.put(m.newKey(), now);
                warnings.add(where + "'" + old + "' is deprecated: read as " + m.newPlace());
            }
        });
    }

    /** A section of facts ({@code xiaomi:} with personal-data, categories, ...). */
    private void section(Node v, String section, List<ProfileSchema.Fact> allowed, Map<String, Object> facts) {
        List<String> names = allowed.stream().map(f -> f.key().substring(section.length() + 1)).toList();
        for (NodeTuple t : mapping(v, section)) {
            String key = keyOf(t);
            Node value = t.getValueNode();
            int i = names.indexOf(key);
            if (i < 0) {
                unknownKey(t, section + ".", key, names);
            } else if (!isNull(value)) {
                fact(value, allowed.get(i), facts);
            }
        }
    }

    private void fact(Node v, ProfileSchema.Fact f, Map<String, Object> facts) {
        Object value = f.list() ? words(v, f.key(), f.words()) : word(v, f.key(), f.words());
        if (value != null) {
            facts.put(f.key(), value);
        }
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
            if (!schema.deviceKeyNames().contains(key)) {
                unknownKey(t, "device.", key, schema.deviceKeyNames());
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
            if (item instanceof ScalarNode s && !allowed.contains(s.getValue().trim())) {
                var moved = schema.moved(key, s.getValue().trim());
                if (moved.isPresent()) {
                    movedFound.putIfAbsent(moved.get(), line(item));
                    continue;
                }
            }
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
