package org.iotb.assess;

import java.util.List;
import org.iotb.model.Finding;

/** The findings of one input (a firmware image or a probed device), as {@code iotb scan} produced them. */
public record SourceFindings(String inputName, InputKind kind, List<Finding> findings) {
    public SourceFindings {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public List<AssessedFinding> assessed() {
        return findings.stream().map(f -> AssessedFinding.of(inputName, f)).toList();
    }
}
