package org.iotb.firmware.checks.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.iotb.model.Json;

/** Loads the pattern rules data file once. */
public final class PatternRules {
    public static final String RESOURCE = "/org/iotb/firmware/data/pattern-rules.yaml";
    private static final List<PatternRule> ALL = load();

    private PatternRules() {
    }

    public static List<PatternRule> forCheck(String check) {
        return ALL.stream().filter(r -> r.check().equals(check)).toList();
    }

    public static List<PatternRule> all() {
        return ALL;
    }

    private static List<PatternRule> load() {
        try (InputStream in = PatternRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return List.copyOf(Json.yaml().readValue(in, new TypeReference<List<PatternRule>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
