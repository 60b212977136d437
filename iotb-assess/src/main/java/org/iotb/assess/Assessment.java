package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.iotb.assess.conformance.ConformanceStatement;
import org.iotb.assess.lab.LabRecord;
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
        Map<String, StandardLevel> levels,
        List<AssessedFinding> findings,
        List<Verdict> verdicts,
        List<StandardSummary> summary,
        List<ConformanceStatement> conformance,
        List<ImageFacts> images,
        Map<String, Long> timings,
        List<String> warnings,
        // what the known-vulnerability judgements rested on (3.1); absent when no firmware was examined
        @JsonInclude(JsonInclude.Include.NON_NULL) VulnerabilityData vulnerabilityData,
        // the test lab's record and observations (docs/reports.md, "Lab record"); absent unless `assess --lab` gave one
        @JsonInclude(JsonInclude.Include.NON_NULL) LabRecord lab) {

    public static final String SCHEMA_VERSION = "3.2";

    /** An assessment that states no vulnerability data and has no lab record (the shape before 3.1). */
    public Assessment(String schemaVersion, ToolInfo tool, Instant createdAt, Product product, List<InputRecord> inputs,
                      ProfileFacts profile, Map<String, StandardLevel> levels, List<AssessedFinding> findings,
                      List<Verdict> verdicts, List<StandardSummary> summary, List<ConformanceStatement> conformance,
                      List<ImageFacts> images, Map<String, Long> timings, List<String> warnings) {
        this(schemaVersion, tool, createdAt, product, inputs, profile, levels, findings, verdicts, summary, conformance,
                images, timings, warnings, null, null);
    }

    /** A copy stating the vulnerability data its judgements rested on. */
    public Assessment withVulnerabilityData(VulnerabilityData data) {
        return new Assessment(schemaVersion, tool, createdAt, product, inputs, profile, levels, findings, verdicts, summary,
                conformance, images, timings, warnings, data, lab);
    }

    public Assessment {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        levels = levels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        conformance = conformance == null ? List.of() : List.copyOf(conformance);
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

    /** The conformance statement (ICS) of one standard, if the assessment has it. */
    public Optional<ConformanceStatement> conformanceOf(String standardId) {
        return conformance.stream().filter(c -> c.standard().equals(standardId)).findFirst();
    }

    /** A copy with other conformance statements (used when reading a 1.x file, which had none). */
    public Assessment withConformance(List<ConformanceStatement> statements) {
        return new Assessment(schemaVersion, tool, createdAt, product, inputs, profile, levels, findings, verdicts, summary,
                statements, images, timings, warnings, vulnerabilityData, lab);
    }

    /** A copy with the test lab's record attached. */
    public Assessment withLab(LabRecord record) {
        return new Assessment(schemaVersion, tool, createdAt, product, inputs, profile, levels, findings, verdicts, summary,
                conformance, images, timings, warnings, vulnerabilityData, record);
    }

    /** A copy with other verdicts and the totals and statements computed from them (lab observations weighed). */
    public Assessment withVerdicts(List<Verdict> judged, List<StandardSummary> totals, List<ConformanceStatement> statements) {
        return new Assessment(schemaVersion, tool, createdAt, product, inputs, profile, levels, findings, judged, totals,
                statements, images, timings, warnings, vulnerabilityData, lab);
    }

    /** A copy naming the product otherwise (e.g. the firmware release {@code assess --release} labels it with). */
    public Assessment withProduct(Product other, List<String> moreWarnings) {
        List<String> w = new ArrayList<>(warnings);
        w.addAll(moreWarnings);
        return new Assessment(schemaVersion, tool, createdAt, other, inputs, profile, levels, findings, verdicts, summary,
                conformance, images, timings, w, vulnerabilityData, lab);
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
        org.iotb.model.io.SafeOutput.writeString(file, toJson() + "\n");
    }

    /**
     * Reads an assessment JSON of schema 3.x, or of schema 1.x/2.x upgraded to 3.0 ({@link SchemaUpgrade}); rejects
     * any other major version.
     */
    public static Assessment read(Path file) throws IOException {
        org.iotb.model.io.InputFiles.requireFile(file, "assessment");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static Assessment read(InputStream in) throws IOException {
        ObjectMapper m = Json.mapper();
        JsonNode tree = m.readTree(in);
        String version = tree == null ? null : tree.path("schemaVersion").asText(null);
        if (version != null && major(version).equals("1") && tree instanceof ObjectNode o) {
            return SchemaUpgrade.fromV1(o);
        }
        if (version != null && major(version).equals("2") && tree instanceof ObjectNode o) {
            return m.treeToValue(SchemaUpgrade.fromV2(o), Assessment.class);
        }
        if (version == null || !major(version).equals(major(SCHEMA_VERSION))) {
            throw new IOException("unsupported assessment schemaVersion " + version
                    + " (this iotb reads 1.x, 2.x and " + major(SCHEMA_VERSION) + ".x)");
        }
        return m.treeToValue(tree, Assessment.class);
    }

    private static String major(String v) {
        int dot = v.indexOf('.');
        return dot < 0 ? v : v.substring(0, dot);
    }
}
