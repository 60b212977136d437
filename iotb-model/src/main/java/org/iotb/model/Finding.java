package org.iotb.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One check's conclusion about one target. {@code check} is a stable check id (see {@link CheckDescriptor});
 * {@code data} holds structured facts other stages may use (e.g. the service inventory, component versions).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Finding(
        String check,
        Outcome outcome,
        Severity severity,
        String message,
        List<Evidence> evidence,
        Map<String, Object> data) {

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static Finding of(String check, Outcome outcome, String message, List<Evidence> evidence) {
        return new Finding(check, outcome, null, message, evidence, null);
    }

    public static Finding pass(String check, String message, List<Evidence> lookedAt) {
        return of(check, Outcome.PASS, message, lookedAt);
    }

    public static Finding fail(String check, Severity severity, String message, List<Evidence> evidence) {
        return new Finding(check, Outcome.FAIL, severity, message, evidence, null);
    }

    public static Finding notRun(String check, String why) {
        return of(check, Outcome.NOT_RUN, why, List.of());
    }

    public Finding withData(Map<String, Object> newData) {
        return new Finding(check, outcome, severity, message, evidence, newData);
    }
}
