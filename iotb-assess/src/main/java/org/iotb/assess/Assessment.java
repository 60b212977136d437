package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.model.Json;

/**
 * The assessment JSON: the single source every report renders from. Its schema is versioned
 * ({@link #SCHEMA_VERSION}) and documented in docs/assessment-schema.md.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Assessment(
        String schemaVersion,
        ToolInfo tool,
        Instant createdAt,
        Product product,
        List<InputRecord> inputs,
        ProfileFacts profile,
        XiaomiLevelResult xiaomiLevel,
        List<AssessedFinding> findings,
        List<Verdict> verdicts,
        List<StandardSummary> summary,
        List<ImageFacts> images,
        Map<String, Long> timings,
        List<String> warnings) {

    public static final String SCHEMA_VERSION = "1.0";

    public Assessment {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        findings = findings == null ? List.of() : List.copyOf(findings);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        summary = summary == null ? List.of() : List.copyOf(summary);
        images = images == null ? List.of() : List.copyOf(images);
        timings = timings == null ? Map.of() : new LinkedHashMap<>(timings);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        profile = profile == null ? new ProfileFacts(null, null, null, null) : profile;
        product = product == null ? new Product(null, null, null, null, null) : product;
    }

    /** Verdicts of one standard, in catalog order. */
    public List<Verdict> verdictsOf(String standardId) {
        List<Verdict> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (v.standard().equals(standardId)) {
                out.add(v);
            }
        }
        return out;
    }

    public Optional<Verdict> verdict(String standardId, String requirementId) {
        return verdicts.stream()
                .filter(v -> v.standard().equals(standardId) && v.requirement().equals(requirementId))
                .findFirst();
    }

    /** The findings of the given check ids (all inputs), in assessment order. */
    public List<AssessedFinding> findingsOf(List<String> checkIds) {
        List<AssessedFinding> out = new ArrayList<>();
        for (AssessedFinding f : findings) {
            if (CheckIds.matchesAny(checkIds, f.check())) {
                out.add(f);
            }
        }
        return out;
    }

    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise assessment", e);
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toJson() + "\n");
    }

    /** Reads an assessment JSON; rejects a file of another major schema version. */
    public static Assessment read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static Assessment read(InputStream in) throws IOException {
        ObjectMapper m = Json.mapper();
        Assessment a = m.readValue(in, Assessment.class);
        if (a.schemaVersion() == null || !major(a.schemaVersion()).equals(major(SCHEMA_VERSION))) {
            throw new IOException("unsupported assessment schemaVersion " + a.schemaVersion()
                    + " (this iotb reads " + major(SCHEMA_VERSION) + ".x)");
        }
        return a;
    }

    private static String major(String v) {
        int dot = v.indexOf('.');
        return dot < 0 ? v : v.substring(0, dot);
    }
}
