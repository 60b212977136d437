package org.iotb.firmware.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.FirmwareChecks;
import org.iotb.firmware.checks.cred.DefaultCredentials;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.junit.jupiter.api.Test;

class DescriptorsTest {
    @Test
    void everyImplementedCheckIsDocumentedAndEveryDocumentedFirmwareCheckIsImplemented() {
        Set<String> implemented = FirmwareChecks.all().stream().map(FirmwareCheck::id).collect(Collectors.toSet());
        Set<String> documented = Checks.all().stream().map(CheckDescriptor::id).filter(id -> id.startsWith("fw."))
                .collect(Collectors.toSet());
        assertThat(documented).isEqualTo(implemented);
        assertThat(implemented).hasSize(FirmwareChecks.all().size()); // ids are unique
        assertThat(Checks.all()).filteredOn(d -> d.id().startsWith("fw."))
                .allSatisfy(d -> assertThat(d.title() + d.description() + d.rationale() + d.remediation())
                        .doesNotContain("null"));
    }

    @Test
    void defaultCredentialListIsSharedCsvOfBoundedSize() {
        assertThat(DefaultCredentials.all()).hasSizeBetween(50, 500);
        assertThat(DefaultCredentials.all()).anySatisfy(c -> {
            assertThat(c.username()).isEqualTo("root");
            assertThat(c.password()).isEqualTo("xc3511");
        });
        assertThat(DefaultCredentials.all()).allSatisfy(c -> assertThat(c.source()).isNotBlank());
    }
}
