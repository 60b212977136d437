package org.iotb.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.Product;
import org.iotb.report.DiffReport;
import org.iotb.report.SampleAssessments;
import org.junit.jupiter.api.Test;

/** {@code iotb diff} labels each release by its own version, and tells apart two made from one profile. */
class DiffLabelsTest {
    @Test
    void releasesWithTheirOwnVersionsKeepTheirLabels() {
        Assessment old = SampleAssessments.v1();
        Assessment neu = SampleAssessments.v2();
        DiffReport.Diff d = DiffCommand.releaseLabels(DiffReport.compare(old, neu), old, neu);
        assertThat(d.oldProduct()).endsWith("(firmware 1.0)");
        assertThat(d.newProduct()).endsWith("(firmware 1.1)");
    }

    @Test
    void twoAssessmentsWithTheProfilesOneVersionAlsoNameTheirFirmware() {
        Assessment old = SampleAssessments.v1();
        Product p = SampleAssessments.v2().product();
        Assessment neu = SampleAssessments.v2().withProduct(
                new Product(p.name(), p.vendor(), p.model(), "1.0", p.category()), List.of());
        assertThat(DiffReport.compare(old, neu).oldProduct()).isEqualTo(DiffReport.compare(old, neu).newProduct());
        DiffReport.Diff d = DiffCommand.releaseLabels(DiffReport.compare(old, neu), old, neu);
        assertThat(d.oldProduct()).endsWith("(firmware 1.0) [p100-1.0.bin]");
        assertThat(d.newProduct()).endsWith("(firmware 1.0) [p100-1.1.bin]");
    }
}
