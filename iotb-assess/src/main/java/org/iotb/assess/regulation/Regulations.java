package org.iotb.assess.regulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.Json;

/**
 * What iotb says about regulations beyond their requirements, from the catalog's {@code regulations.yaml}: the
 * restrictions under which a harmonised standard gives no presumption of conformity (Implementing Decision (EU)
 * 2025/138 for EN 18031). Data only; {@link PresumptionWarnings} applies it. (That a regulation's verdicts are
 * indicative is the standard's own {@code indicative} text.)
 */
public record Regulations(List<Restriction> restrictions) {
    /** The bundled file, next to the catalog's standards. */
    public static final String RESOURCE = "/org/iotb/catalog/regulations.yaml";

    public Regulations {
        restrictions = List.copyOf(restrictions);
    }

    /**
     * A restriction of a harmonised standard: for the {@code standards} listed, the {@code clauses} (requirements
     * {@code requirements}) give no presumption of conformity when every {@code when} device fact of the profile is
     * true and no {@code unless} fact is.
     */
    public record Restriction(String id, List<String> standards, List<String> clauses, List<String> requirements,
                              String sourceUrl, String sourceLocator, String text, List<String> when, List<String> unless) {
        public Restriction {
            standards = List.copyOf(standards);
            clauses = List.copyOf(clauses);
            requirements = List.copyOf(requirements);
            when = List.copyOf(when);
            unless = List.copyOf(unless);
        }

        /**
         * Whether the profile indicates the restriction: every {@code when} fact is stated true and no {@code unless}
         * fact is. An unknown {@code when} fact indicates nothing (iotb never guesses a fact); an unknown {@code
         * unless} fact does not lift it, because nothing shows the safeguard.
         */
        public boolean indicatedBy(Profile profile) {
            return !when.isEmpty()
                    && when.stream().allMatch(k -> Boolean.TRUE.equals(profile.fact(k)))
                    && unless.stream().noneMatch(k -> Boolean.TRUE.equals(profile.fact(k)));
        }

        /** The facts that indicate it, as the profile writes them ("device.toy-or-childcare: true, ..."). */
        public String indicators(Profile profile) {
            List<String> out = new ArrayList<>();
            when.forEach(k -> out.add("device." + k + ": true"));
            unless.forEach(k -> out.add("device." + k + ": " + Objects.requireNonNullElse(profile.fact(k), "unknown")));
            return String.join(", ", out);
        }
    }

    public static Regulations bundled() {
        try (InputStream in = Regulations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource missing: " + RESOURCE);
            }
            return of(Json.yaml().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Regulations of(JsonNode root) {
        List<Restriction> restrictions = new ArrayList<>();
        for (JsonNode r : root.path("restrictions")) {
            restrictions.add(new Restriction(r.path("id").asText(), strings(r.path("standards")), strings(r.path("clauses")),
                    strings(r.path("requirements")), r.path("source-url").asText(), r.path("source-locator").asText(),
                    r.path("text").asText(), strings(r.path("when")), strings(r.path("unless"))));
        }
        return new Regulations(restrictions);
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(s -> out.add(s.asText()));
        return out;
    }
}
