package org.iotb.assess;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.profile.Profile;

/**
 * Everything the assessment is decided from. The caller (iotb assess) gathers it: it hashes the inputs,
 * unpacks and checks each firmware image, probes the device, and passes the findings per input.
 *
 * @param declarations null when the manufacturer gave none
 * @param findings the findings of each firmware image and device, by input name (as in {@code inputs})
 * @param images facts of each unpacked image for the report (entropy, services, warnings); may be empty
 * @param timings milliseconds per phase (unpack, checks, sbom, probe); the assessor adds "assess"
 * @param createdAt null means now
 */
public record AssessmentInput(
        Catalog catalog,
        Profile profile,
        Declarations declarations,
        List<SourceFindings> findings,
        List<InputRecord> inputs,
        List<ImageFacts> images,
        Map<String, Long> timings,
        List<String> warnings,
        Instant createdAt) {

    public AssessmentInput {
        if (catalog == null) {
            throw new IllegalArgumentException("catalog is required");
        }
        profile = profile == null ? new Profile(null, null, null, null, null, null) : profile;
        findings = findings == null ? List.of() : List.copyOf(findings);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        images = images == null ? List.of() : List.copyOf(images);
        timings = timings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The common case in tests and simple callers: no image facts, timings or warnings. */
    public static AssessmentInput of(Catalog catalog, Profile profile, Declarations declarations,
                                     List<SourceFindings> findings, List<InputRecord> inputs) {
        return new AssessmentInput(catalog, profile, declarations, findings, inputs, List.of(), Map.of(), List.of(), null);
    }
}
