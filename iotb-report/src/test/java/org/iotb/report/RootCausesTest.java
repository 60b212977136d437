package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.junit.jupiter.api.Test;

/** The bottom line counts each root cause once, however many standards' requirements it fails. */
class RootCausesTest {

    @Test
    void oneFailingCheckBehindTwinRequirementsIsOneRootCause() {
        Assessment a = SampleAssessments.v1();
        int failedMandatory = a.summary().stream().mapToInt(s -> s.mandatoryFailures().size()).sum();
        List<String> causes = RootCauses.of(a);
        // the default root password fails EN 303 645 5.1-1, MTSFB 6.1(a) and Xiaomi 3.1.2: one cause
        assertThat(a.verdicts().stream().filter(v -> v.findings().contains("fw.cred.default-password")
                && v.verdict().id().equals("fail") && v.mandatory()).count()).isGreaterThan(1);
        assertThat(causes).containsOnlyOnce("fw.cred.default-password");
        assertThat(causes.size()).isLessThan(failedMandatory);
        assertThat(RootCauses.statement(a, failedMandatory))
                .startsWith(failedMandatory + " failed mandatory requirements come from " + causes.size() + " root causes: ");
        assertThat(HtmlReport.render(a)).contains("root causes: " + causes.get(0));
    }

    @Test
    void noFailNoStatement() {
        Assessment a = SampleAssessments.declarationsOnly();
        assertThat(a.summary().stream().mapToInt(s -> s.mandatoryFailures().size()).sum()).isZero();
        assertThat(RootCauses.statement(a, 0)).isEmpty();
        assertThat(a.summary()).extracting(StandardSummary::standard).isNotEmpty();
    }
}
