package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.testing.MisbehavingServers;
import org.iotb.probe.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/** A dead, black-holed or garbage-speaking target ends cleanly within the time budget. */
class HostileTargetTest {
    static final DeviceTarget LOOPBACK = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());

    static ProbeOptions opts(List<Integer> ports, Duration budget) {
        return ProbeOptions.defaults().withPorts(ports).withBudget(budget)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800)).withUdp(true, java.util.Map.of(
                        "coap", 9, "ssdp", 9, "mdns", 9, "snmp", 9, "tftp", 9));
    }

    @Test
    void deadTargetEndsQuicklyWithNoServices() throws Exception {
        int closed = ServerProcess.freePort();
        long t0 = System.nanoTime();
        ScanResult r = new DeviceScanner().scanResult(LOOPBACK, opts(List.of(closed), Duration.ofSeconds(10)),
                ProgressListener.NONE);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
        assertThat(r.stats().get("openTcpPorts")).isEqualTo(List.of());
        Finding telnet = r.findings().stream().filter(f -> f.check().equals("net.svc.telnet")).findFirst().get();
        assertThat(telnet.outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.findings()).filteredOn(f -> f.check().startsWith("net.tls."))
                .allMatch(f -> f.outcome() == Outcome.NOT_RUN);
    }

    @Test
    void blackholedSilentAndGarbageEndWithinBudget() throws Exception {
        try (MisbehavingServers m = new MisbehavingServers()) {
            Duration budget = Duration.ofSeconds(12);
            long t0 = System.nanoTime();
            ScanResult r = new DeviceScanner().scanResult(LOOPBACK,
                    opts(List.of(m.silentPort, m.garbagePort, m.blackholePort), budget), ProgressListener.NONE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isLessThan(budget.toMillis() + 2000);
            @SuppressWarnings("unchecked")
            List<Integer> open = (List<Integer>) r.stats().get("openTcpPorts");
            assertThat(open).contains(m.silentPort, m.garbagePort).doesNotContain(m.blackholePort);
            assertThat((Integer) r.stats().get("filteredTcpPorts")).isEqualTo(1);
            // nothing is accused on the strength of noise
            assertThat(r.findings()).noneMatch(f -> f.outcome() == Outcome.FAIL);
            assertThat(r.findings()).noneMatch(f -> f.outcome() == Outcome.ERROR);
        }
    }

    @Test
    void tinyBudgetGivesNotRunInsteadOfHanging() throws Exception {
        try (MisbehavingServers m = new MisbehavingServers()) {
            long t0 = System.nanoTime();
            ScanResult r = new DeviceScanner().scanResult(LOOPBACK,
                    opts(List.of(m.silentPort, m.blackholePort), Duration.ofMillis(700)), ProgressListener.NONE);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
            assertThat(r.findings()).anyMatch(f -> f.outcome() == Outcome.NOT_RUN
                    && f.message().contains("time budget"));
        }
    }
}
