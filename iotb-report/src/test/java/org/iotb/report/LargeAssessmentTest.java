package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.model.Evidence;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A check that reports thousands of findings must not make the report unreadable or unbounded. */
@Tag("integration")
class LargeAssessmentTest {
    static Assessment large(int n) {
        Assessment a = SampleAssessments.v1();
        List<AssessedFinding> fs = new ArrayList<>(a.findings());
        for (int i = 0; i < n; i++) {
            List<Evidence> ev = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                ev.add(Evidence.line("usr/lib/lib" + i + ".so", j + 1, "x".repeat(100)));
            }
            fs.add(new AssessedFinding("p100-1.0.bin", "fw.elf.canary", Outcome.FAIL, Severity.MEDIUM,
                    "binary " + i + " has no stack canary " + "y".repeat(200), ev, null));
        }
        return new Assessment(a.schemaVersion(), a.tool(), a.createdAt(), a.product(), a.inputs(), a.profile(),
                a.levels(), fs, a.verdicts(), a.summary(), a.conformance(), a.images(), a.timings(), a.warnings());
    }

    @Test
    void htmlStaysBoundedWithFiveThousandFindings() {
        Assessment a = large(5_000);
        String html = HtmlReport.render(a);
        assertThat(html.length()).as("HTML size").isLessThan(3_000_000);
        assertThat(html).contains("more in the assessment JSON");
        String sarif = SarifReport.render(a);
        assertThat(sarif).contains("binary 4999 has no stack canary");
    }
}
