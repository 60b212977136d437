package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * A finding exactly as {@code iotb scan} prints it, plus {@code source}: the name of the input it came from
 * (a firmware file name, a device host, or "assessment" for findings derived across inputs).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AssessedFinding(
        String source,
        String check,
        Outcome outcome,
        Severity severity,
        String message,
        List<Evidence> evidence,
        Map<String, Object> data) {

    public AssessedFinding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        data = data == null ? Map.of() : data;
    }

    public static AssessedFinding of(String source, Finding f) {
        return new AssessedFinding(source, f.check(), f.outcome(), f.severity(), f.message(), f.evidence(), f.data());
    }

    public Finding toFinding() {
        return new Finding(check, outcome, severity, message, evidence, data);
    }
}
