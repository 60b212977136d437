package org.iotb.catalog.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the product is, as the manufacturer or tester describes it. Every fact may be unknown (absent): an unknown
 * fact makes the requirements that depend on it "undetermined" rather than guessed.
 *
 * <p>Which keys exist is data, not code ({@link ProfileSchema}): {@code device} holds the true/false facts the
 * standards' numbered conditions name (passwords, constrained, ...); {@code facts} holds the word and word-list
 * facts under their profile keys, dotted when they live in a section ("interfaces", "os",
 * "xiaomi.personal-data", "xiaomi.categories"): the applies-if-any token kinds and the level schemes' inputs.
 * A fact's value is a String or a List of Strings. {@code warnings} are what the loader had to say about the file
 * without refusing it (a deprecated key it mapped to its new place).
 */
public record Profile(Product product, Map<String, Boolean> device, Map<String, Object> facts, List<String> warnings) {

    /** The profile keys firmware inference fills (see ProfileInference) and a few renderers name. */
    public static final String INTERFACES = "interfaces";
    public static final String OS = "os";
    public static final String FEATURES = "features";
    /** The section of the true/false device facts; as a token kind's key, its tokens name device facts. */
    public static final String DEVICE = "device";

    public Profile {
        device = device == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(device));
        Map<String, Object> f = new LinkedHashMap<>();
        if (facts != null) {
            facts.forEach((k, v) -> {
                if (v != null) {
                    f.put(k, v instanceof List<?> l ? List.copyOf(l) : v);
                }
            });
        }
        facts = Collections.unmodifiableMap(f);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Profile(Product product, Map<String, Boolean> device, Map<String, Object> facts) {
        this(product, device, facts, List.of());
    }

    /**
     * The shape of the 1.x API: {@code sections} maps a section name to its keys ({"xiaomi": {"personal-data":
     * [...]}}); interfaces, os and features are the top-level facts of those names.
     */
    public Profile(Product product, Map<String, Boolean> device, Map<String, ? extends Map<String, ?>> sections,
                   List<String> interfaces, String os, List<String> features) {
        this(product, device, flatten(sections, interfaces, os, features));
    }

    private static Map<String, Object> flatten(Map<String, ? extends Map<String, ?>> sections, List<String> interfaces,
                                               String os, List<String> features) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (sections != null) {
            sections.forEach((section, keys) -> keys.forEach((k, v) -> f.put(section + "." + k, v)));
        }
        f.put(INTERFACES, interfaces);
        f.put(OS, os);
        f.put(FEATURES, features);
        return f;
    }

    /** A device fact: true, false, or null when the profile does not say. */
    public Boolean fact(String key) {
        return device.get(key);
    }

    /**
     * A device fact as a word list, for tokens of the kind whose key is {@link #DEVICE}: [key] when true, [] when
     * false, null when unknown.
     */
    public List<String> deviceWords(String key) {
        Boolean v = fact(key);
        return v == null ? null : v ? List.of(key) : List.of();
    }

    /** A word or word-list fact as a list (one word → a list of one), or null when unknown. */
    @SuppressWarnings("unchecked")
    public List<String> words(String key) {
        Object v = facts.get(key);
        if (v == null) {
            return null;
        }
        return v instanceof List<?> l ? (List<String>) l : List.of(v.toString());
    }

    public List<String> interfaces() {
        return words(INTERFACES);
    }

    public String os() {
        Object v = facts.get(OS);
        return v == null ? null : v.toString();
    }

    public List<String> features() {
        return words(FEATURES);
    }

    public record Product(String name, String model, String manufacturer, String firmwareVersion) {
    }

    /** A copy with extra device facts (used to fill gaps with inferred facts). */
    public Profile withDeviceFacts(Map<String, Boolean> extra) {
        Map<String, Boolean> merged = new LinkedHashMap<>(device);
        extra.forEach(merged::putIfAbsent);
        return new Profile(product, merged, facts, warnings);
    }

    public Profile withInterfaces(List<String> newInterfaces) {
        return withFact(INTERFACES, newInterfaces);
    }

    public Profile withOs(String newOs) {
        return withFact(OS, newOs);
    }

    private Profile withFact(String key, Object value) {
        Map<String, Object> f = new LinkedHashMap<>(facts);
        f.put(key, value);
        return new Profile(product, device, f, warnings);
    }

    /**
     * The profile as a JSON tree, as the assessment records it: product (camel-case fields, unknown ones left
     * out), device, then every fact nested under its section ({"xiaomi": {"personal-data": [...]}}).
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (product != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            putIfKnown(p, "name", product.name());
            putIfKnown(p, "model", product.model());
            putIfKnown(p, "manufacturer", product.manufacturer());
            putIfKnown(p, "firmwareVersion", product.firmwareVersion());
            tree.put("product", p);
        }
        tree.put("device", new LinkedHashMap<>(device));
        facts.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot < 0) {
                tree.put(key, value);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> section = (Map<String, Object>) tree.computeIfAbsent(key.substring(0, dot),
                        k -> new LinkedHashMap<String, Object>());
                section.put(key.substring(dot + 1), value);
            }
        });
        return tree;
    }

    private static void putIfKnown(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
