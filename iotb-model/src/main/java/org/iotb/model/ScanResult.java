package org.iotb.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What `iotb scan firmware|device` prints as JSON: {@code {"tool":..., "target":..., "findings":[...]}}.
 * {@code warnings} are problems met while looking (a limit hit, a malformed file) that did not stop the scan.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ScanResult(
        String tool,
        String target,
        String targetSha256,
        List<Finding> findings,
        List<String> warnings,
        Map<String, Object> stats) {

    public ScanResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stats = stats == null ? Map.of() : Map.copyOf(stats);
    }
}
