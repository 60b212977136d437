package org.iotb.assess.testrecord;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.iotb.assess.Basis;
import org.iotb.assess.VerdictValue;

/**
 * The outcome of one TS 103 701 test unit: its id, kind (conceptual|functional), the IXIT table it reads, the kind
 * of test ({@code method}), what it does (iotb's words), its verdict and basis decided by the same rules as a
 * requirement's, the reason, the check ids whose findings decided it and, for a cross-reference, the test case it
 * takes its outcome from.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UnitOutcome(String unit, String kind, String ixit, String method, String text, VerdictValue verdict,
                          Basis basis, String reason, List<String> findings, String refersTo) {
    public UnitOutcome {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
