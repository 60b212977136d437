package org.iotb.cli.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotb.assess.Assessment;
import org.iotb.report.SampleAssessments;
import org.junit.jupiter.api.Test;

/** What `iotb assess` prints last, on assessments the real Assessor made (iotb-report's test fixtures). */
class SummaryTest {
    @Test
    void splitsPassesPerStandardAndStatesHowMuchWasVerified() {
        String text = Summary.text(SampleAssessments.v2());
        assertThat(text).contains("\n  2 passes: 0 verified, 2 declared (1 consistent with evidence, 1 declared only)\n")
                .contains("\n  1 pass: 1 verified, 0 declared\n")
                .contains("bottom line: 1 of 5 passes were verified by evidence; 4 rest on the manufacturer's declarations"
                        + " (2 consistent with evidence, 2 declared only).\n");
        // the split follows its standard's row, before its failed mandatory ids
        assertThat(text.indexOf("etsi-en-303-645")).isLessThan(text.indexOf("2 passes: 0 verified"));
        assertThat(text.indexOf("2 passes: 0 verified")).isLessThan(text.indexOf("failed mandatory"));
    }

    @Test
    void listsConflicts() {
        assertThat(Summary.text(SampleAssessments.v1()))
                .contains("\n3 conflicts (evidence contradicts a declaration or the profile): etsi-en-303-645:5.1-1, mtsfb-tc-g044:6.1(a),"
                        + " xiaomi-iot-baseline:3.1.2\n");
    }

    @Test
    void declarationsAloneSayNothingWasVerified() {
        Assessment a = SampleAssessments.declarationsOnly();
        assertThat(Summary.text(a)).contains("  5 passes: 0 verified, 5 declared only\n")
                .contains("bottom line: Nothing was verified by evidence: all 10 passes rest on the manufacturer's declarations.\n")
                .doesNotContain("conflicts");
    }
}
