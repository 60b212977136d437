package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotb.model.CheckDescriptor;
import org.junit.jupiter.api.Test;

/** Every check id the scanner can report has a descriptor and every descriptor a check; intrusive ones are marked. */
class DeviceCheckCatalogTest {
    @Test
    void descriptorsCoverEveryReportedCheckAndNothingElse() {
        Map<String, CheckDescriptor> byId = new DeviceCheckCatalog().checks().stream()
                .collect(Collectors.toMap(CheckDescriptor::id, d -> d));
        List<String> ids = DeviceScanner.defaultChecks().stream().flatMap(c -> c.checkIds().stream()).toList();
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(byId.get("net.auth.default-credentials").intrusive()).isTrue();
        assertThat(byId.get("net.auth.bruteforce-resistance").intrusive()).isTrue();
        assertThat(byId.get("net.tls.weak-cipher").intrusive()).isNull();
        assertThat(byId.values()).allSatisfy(d -> {
            assertThat(d.title()).isNotBlank();
            assertThat(d.source()).isEqualTo("device");
        });
    }
}
