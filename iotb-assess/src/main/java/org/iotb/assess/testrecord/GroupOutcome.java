package org.iotb.assess.testrecord;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.iotb.assess.Basis;
import org.iotb.assess.VerdictValue;

/**
 * The outcome of one test group ("Test group 5.1-1"): the EN 303 645 provision it tests, the requirement of the
 * recorded standard it stands for (the provision itself, or its crosswalk twin such as MTSFB 6.1(a)), that
 * requirement's title, the group's verdict and basis combined from its test cases, and the cases.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupOutcome(String group, String provision, String requirement, String title, VerdictValue verdict,
                          Basis basis, List<CaseOutcome> cases, String note) {
    public GroupOutcome {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }
}
