package org.iotb.sbom.outdated;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.iotb.model.Json;
import org.iotb.sbom.Component;
import org.iotb.sbom.version.Version;

/**
 * End-of-life and superseded release lines (data file {@code outdated.yaml}): a branch with its upstream EOL
 * date, a version range, or "any" for an unmaintained project. {@link #check} says whether a component is on
 * such a line on a given day, and why.
 */
public final class OutdatedRules {
    private static final String RESOURCE = "/org/iotb/sbom/outdated.yaml";

    /** One rule as written in the data file. */
    public record Rule(String component, String branch, LocalDate eol, Range range, Boolean any, String reason,
            String source) {
    }

    /** from inclusive (optional), before exclusive (optional). */
    public record Range(String from, String before) {
    }

    /** Why a component is outdated. */
    public record Verdict(Rule rule, String explanation) {
    }

    private final List<Rule> rules;

    private OutdatedRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static OutdatedRules bundled() {
        try (InputStream in = OutdatedRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new OutdatedRules(Json.yaml().readValue(in, new TypeReference<List<Rule>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    /** True if some rule is about this component id (so a "not outdated" answer means something). */
    public boolean covers(String componentId) {
        return rules.stream().anyMatch(r -> r.component().equals(componentId));
    }

    public Optional<Verdict> check(Component c, LocalDate today) {
        if (!c.hasVersion() || !Version.isComparable(c.version())) {
            return Optional.empty();
        }
        Version v = Version.parse(c.version());
        for (Rule r : rules) {
            if (!r.component().equals(c.id())) {
                continue;
            }
            if (Boolean.TRUE.equals(r.any())) {
                return Optional.of(new Verdict(r, r.reason()));
            }
            if (r.branch() != null && r.eol() != null) {
                int parts = r.branch().split("\\.").length;
                if (v.numericPrefix(parts).equals(r.branch()) && !today.isBefore(r.eol())) {
                    return Optional.of(new Verdict(r, "release line " + r.branch() + " reached end of life on "
                            + r.eol()));
                }
            }
            if (r.range() != null) {
                boolean afterFrom = r.range().from() == null || v.compareTo(Version.parse(r.range().from())) >= 0;
                boolean beforeEnd = r.range().before() == null || v.compareTo(Version.parse(r.range().before())) < 0;
                if (afterFrom && beforeEnd) {
                    return Optional.of(new Verdict(r, r.reason()));
                }
            }
        }
        return Optional.empty();
    }
}
