package org.iotb.catalog.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Condition;
import org.iotb.catalog.LevelScheme;
import org.iotb.catalog.Standard;
import org.iotb.catalog.TokenKind;

/**
 * The keys a product profile may set, derived from the loaded catalog and nothing else — so a standard whose
 * conditions name a new profile key, or whose level scheme asks new questions, extends the profile without code:
 * <ul>
 *   <li>{@code device.KEY} (true/false/unknown) for every profile key the standards' numbered conditions name;</li>
 *   <li>a word or word-list fact for every input of every level scheme ({@code SECTION.KEY}, values from the scheme);</li>
 *   <li>a word or word-list fact for every applies-if-any token kind (index.yaml {@code token-kinds}; values are
 *       the kind's words plus those the standards' applicability-conditions declare) — except the kind whose key is
 *       {@code device}: its tokens name device facts ("device:telemetry" is {@code device.telemetry}), so one fact
 *       answers a numbered condition of one standard and an applicable condition of another;</li>
 *   <li>{@code moved}: values an applicability condition names as {@code formerly} (the old "features: [telemetry]"),
 *       which the loader still reads, maps to the new fact and warns about.</li>
 * </ul>
 * The loader ({@link ProfileLoader}), the template and the interactive questions ({@link ProfileTemplate}) all read it.
 */
public record ProfileSchema(List<DeviceKey> deviceKeys, List<Fact> facts, Map<String, String> sectionNotes,
                            List<Moved> moved) {

    /**
     * A value that moved: {@code oldKey: [oldWord]} (features: [telemetry]) now is {@code newKey} {@code newWord}:
     * a device fact set to true when {@code newKey} is "device", else a word of another fact.
     */
    public record Moved(String oldKey, String oldWord, String newKey, String newWord) {
        public String newPlace() {
            return Profile.DEVICE.equals(newKey) ? "device." + newWord + ": true" : newKey + ": [" + newWord + "]";
        }
    }

    /** A true/false fact and the conditions it decides, in words ("condition 1 "Passwords are used" holds when true"). */
    public record DeviceKey(String key, List<String> explanations) {
    }

    /**
     * A word ({@code list} false) or word-list fact; {@code words} are the allowed values, {@code details} optional
     * longer lines (a level scheme's values with their levels) for the template.
     */
    public record Fact(String key, boolean list, Set<String> words, String description, List<String> details) {
        /** The top-level profile key: the section of a dotted key, or the key itself. */
        public String top() {
            int dot = key.indexOf('.');
            return dot < 0 ? key : key.substring(0, dot);
        }
    }

    public static ProfileSchema of(Catalog catalog) {
        Map<String, List<String>> device = new LinkedHashMap<>();
        // Condition numbers are per standard: name the standard once more than one defines conditions.
        boolean nameStandard = catalog.standards().stream().filter(s -> !s.conditions().isEmpty()).count() > 1;
        for (Standard s : catalog.standards()) {
            for (Condition c : s.conditions()) {
                if (c.profileKey() != null) {
                    device.computeIfAbsent(c.profileKey(), k -> new ArrayList<>())
                            .add((nameStandard ? s.shortTitle() + " " : "") + "condition " + c.number()
                                    + " \"" + c.text() + "\" holds when " + c.whenEquals());
                }
            }
        }
        for (Standard s : catalog.standards()) {
            for (Standard.ApplicabilityCondition c : s.applicabilityConditions()) {
                String name = tokenOf(catalog, c.id(), Profile.DEVICE);
                if (name != null) {
                    device.computeIfAbsent(name, k -> new ArrayList<>()).add(s.shortTitle() + " applicable condition \""
                            + c.text() + "\" holds when true");
                }
            }
        }
        List<DeviceKey> deviceKeys = new ArrayList<>();
        device.forEach((k, v) -> deviceKeys.add(new DeviceKey(k, v)));

        Map<String, Fact> facts = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Standard s : catalog.standards()) {
            LevelScheme scheme = s.levels();
            if (scheme == null) {
                continue;
            }
            notes.merge(scheme.profileSection(), s.shortTitle() + ": " + (scheme.rule() == null ? "the product's level" : scheme.rule()),
                    (a, b) -> a + "; " + b);
            for (LevelScheme.Input in : scheme.inputs()) {
                List<String> details = new ArrayList<>();
                Set<String> words = in.list() ? new TreeSet<>() : new LinkedHashSet<>();
                for (LevelScheme.Value v : in.values()) {
                    words.add(v.value());
                    if (in.list()) {
                        details.add(v.value() + " -> " + v.level() + (v.text() == null ? "" : " (" + v.text() + ")"));
                    }
                }
                merge(facts, new Fact(scheme.profileSection() + "." + in.key(), in.list(), words, in.question(), details));
            }
        }
        for (TokenKind kind : catalog.tokenKinds()) {
            if (Profile.DEVICE.equals(kind.key())) {
                continue; // its tokens are device keys (above)
            }
            Set<String> words = kind.list() ? new TreeSet<>(kind.words()) : new LinkedHashSet<>(kind.words());
            for (Standard s : catalog.standards()) {
                for (Standard.ApplicabilityCondition c : s.applicabilityConditions()) {
                    int colon = c.id().indexOf(':');
                    if (colon > 0 && c.id().substring(0, colon).equals(kind.token())) {
                        words.add(c.id().substring(colon + 1));
                    }
                }
            }
            merge(facts, new Fact(kind.key(), kind.list(), words, kind.text(), List.of()));
        }
        List<Moved> moved = new ArrayList<>();
        for (Standard s : catalog.standards()) {
            for (Standard.ApplicabilityCondition c : s.applicabilityConditions()) {
                if (c.formerly() != null && c.formerly().indexOf(':') > 0 && c.id().indexOf(':') > 0) {
                    String oldKind = c.formerly().substring(0, c.formerly().indexOf(':'));
                    String newKind = c.id().substring(0, c.id().indexOf(':'));
                    String oldKey = catalog.tokenKind(oldKind).map(TokenKind::key).orElse(null);
                    String newKey = catalog.tokenKind(newKind).map(TokenKind::key).orElse(null);
                    if (oldKey != null && newKey != null) {
                        moved.add(new Moved(oldKey, c.formerly().substring(oldKind.length() + 1), newKey,
                                c.id().substring(newKind.length() + 1)));
                    }
                }
            }
        }
        return new ProfileSchema(deviceKeys, groupedBySection(facts.values()), notes, moved);
    }

    /** The name of token {@code id} ("device:telemetry" → "telemetry") if its kind's key is {@code key}, else null. */
    private static String tokenOf(Catalog catalog, String id, String key) {
        int colon = id.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String kind = id.substring(0, colon);
        return catalog.tokenKind(kind).filter(k -> k.key().equals(key)).map(k -> id.substring(colon + 1)).orElse(null);
    }

    /** The moved value {@code word} of fact {@code key}, if it is one. */
    public java.util.Optional<Moved> moved(String key, String word) {
        return moved.stream().filter(m -> m.oldKey().equals(key) && m.oldWord().equals(word)).findFirst();
    }

    private static void merge(Map<String, Fact> facts, Fact f) {
        facts.merge(f.key(), f, (a, b) -> {
            Set<String> words = a.list() ? new TreeSet<>(a.words()) : new LinkedHashSet<>(a.words());
            words.addAll(b.words());
            List<String> details = new ArrayList<>(a.details());
            details.addAll(b.details());
            return new Fact(a.key(), a.list(), words, a.description(), details);
        });
    }

    /** Facts of one section next to each other (a YAML mapping cannot name its section twice). */
    private static List<Fact> groupedBySection(Collection<Fact> facts) {
        Map<String, List<Fact>> by = new LinkedHashMap<>();
        facts.forEach(f -> by.computeIfAbsent(f.top(), k -> new ArrayList<>()).add(f));
        List<Fact> out = new ArrayList<>();
        by.values().forEach(out::addAll);
        return out;
    }

    public List<String> deviceKeyNames() {
        return deviceKeys.stream().map(DeviceKey::key).toList();
    }

    /** The top-level keys: product, device, then each fact's top-level key. */
    public Set<String> topKeys() {
        Set<String> out = new LinkedHashSet<>(List.of("product", "device"));
        facts.forEach(f -> out.add(f.top()));
        return out;
    }

    /** The facts of a section ({@code xiaomi}), or the top-level fact of that name. */
    public List<Fact> factsUnder(String top) {
        return facts.stream().filter(f -> f.top().equals(top)).toList();
    }
}
