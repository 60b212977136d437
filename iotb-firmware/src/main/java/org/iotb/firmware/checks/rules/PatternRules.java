package org.iotb.firmware.checks.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.iotb.model.Json;

/**
 * A pattern-rules file (data/pattern-rules.yaml): the descriptors of the checks it defines ({@code checks}) and
 * their detection rules ({@code rules}). The file is the whole definition of those checks: the firmware registry
 * makes one {@link PatternRuleCheck} per descriptor, and the descriptors are what `iotb checks list` shows.
 * Loading rejects a rule naming an undescribed check and a described check without rules.
 */
public record PatternRules(List<CheckDescriptor> checks, List<PatternRule> rules) {
    public static final String RESOURCE = "/org/iotb/firmware/data/pattern-rules.yaml";
    private static final PatternRules BUNDLED = load(RESOURCE);

    public PatternRules {
        checks = Checks.withSource(checks == null ? List.of() : checks, "firmware", "pattern rules");
        rules = rules == null ? List.of() : List.copyOf(rules);
        Set<String> described = checks.stream().map(CheckDescriptor::id).collect(Collectors.toSet());
        Set<String> ruled = rules.stream().map(PatternRule::check).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!described.equals(ruled)) {
            Set<String> noRules = new LinkedHashSet<>(described);
            noRules.removeAll(ruled);
            ruled.removeAll(described);
            throw new IllegalStateException("pattern rules: checks without rules " + noRules
                    + ", rules of undescribed checks " + ruled);
        }
    }

    /** The bundled data/pattern-rules.yaml. */
    public static PatternRules bundled() {
        return BUNDLED;
    }

    /** Every bundled rule. */
    public static List<PatternRule> all() {
        return BUNDLED.rules();
    }

    /** The rules of {@code check}, in file order. */
    public List<PatternRule> forCheck(String check) {
        return rules.stream().filter(r -> r.check().equals(check)).toList();
    }

    /** Reads a pattern-rules file from the class path (absolute resource name). */
    public static PatternRules load(String resource) {
        try (InputStream in = PatternRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return Json.yaml().readValue(in, PatternRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
