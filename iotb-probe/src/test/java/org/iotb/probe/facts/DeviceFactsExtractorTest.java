package org.iotb.probe.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iotb.model.Finding;
import org.iotb.model.facts.ServiceFact;
import org.iotb.probe.DeviceScanner;
import org.iotb.probe.DeviceTarget;
import org.iotb.probe.ProbeOptions;
import org.iotb.probe.ProgressListener;
import org.iotb.probe.testing.TelnetLike;
import org.junit.jupiter.api.Test;

/** A real scan of a telnet-like service on loopback: the device's facts are the services discovery found. */
class DeviceFactsExtractorTest {
    @Test
    void listeningServicesAreTheFactsOfTheDevice() throws Exception {
        try (TelnetLike telnet = new TelnetLike()) {
            DeviceTarget loopback = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());
            ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(telnet.port)).withBudget(Duration.ofSeconds(30));

            DeviceScanner.DeviceScan scan = new DeviceScanner().scanWithFacts(loopback, o, ProgressListener.NONE);

            assertThat(scan.facts().services()).singleElement().satisfies(s -> {
                assertThat(s.kind()).isEqualTo(ServiceFact.Kind.LISTENING);
                assertThat(s.port()).isEqualTo(telnet.port);
                assertThat(s.transport()).isEqualTo("tcp");
                assertThat(s.name()).isEqualTo("telnet");
                assertThat(s.source()).isNull();
            });
            Finding inventory = scan.findings().stream().filter(f -> f.check().equals("net.svc.inventory"))
                    .findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> data = (List<Map<String, Object>>) inventory.data().get("services");
            assertThat(data).extracting(m -> m.get("port") + "/" + m.get("service"))
                    .containsExactly(telnet.port + "/telnet");
        }
    }
}
