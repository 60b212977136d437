package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.junit.jupiter.api.Test;

/** Every check id the scanner can report has a descriptor; intrusive ones are marked. */
class ProbeChecksTest {
    @Test
    void descriptorsCoverEveryReportedCheck() {
        Map<String, CheckDescriptor> byId = Checks.all().stream()
                .collect(Collectors.toMap(CheckDescriptor::id, d -> d));
        List<String> ids = DeviceScanner.defaultChecks().stream().flatMap(c -> c.checkIds().stream()).toList();
        assertThat(byId.keySet()).containsAll(ids);
        assertThat(byId.get("net.auth.default-credentials").intrusive()).isTrue();
        assertThat(byId.get("net.auth.bruteforce-resistance").intrusive()).isTrue();
        assertThat(byId.get("net.tls.weak-cipher").intrusive()).isNull();
        assertThat(byId.values()).filteredOn(d -> d.id().startsWith("net."))
                .allSatisfy(d -> assertThat(d.title()).isNotBlank());
    }
}
