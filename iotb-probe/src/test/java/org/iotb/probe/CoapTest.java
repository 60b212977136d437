package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libcoap's coap-server-notls: found by the UDP discovery probe and reported as readable without authentication. */
@Tag("integration")
class CoapTest {
    @TempDir
    static Path dir;
    static ServerProcess coap;

    @BeforeAll
    static void start() throws Exception {
        String bin = ServerProcess.require("coap-server-notls");
        int port = ServerProcess.freePort();
        coap = ServerProcess.startUdp(dir, port, bin, "-A", "127.0.0.1", "-p", String.valueOf(port));
    }

    @AfterAll
    static void stop() {
        if (coap != null) {
            coap.close();
        }
    }

    static ScanResult scan(int coapPort) {
        ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(coapPort)).withBudget(Duration.ofSeconds(30))
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700))
                .withUdp(true, Map.of("coap", coapPort, "ssdp", coapPort + 1, "mdns", coapPort + 1,
                        "snmp", coapPort + 1, "tftp", coapPort + 1));
        return new DeviceScanner().scanResult(new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress()), o,
                ProgressListener.NONE);
    }

    @Test
    void plainCoapServerIsFoundAndFails() {
        ScanResult r = scan(coap.port);
        Finding f = r.findings().stream().filter(x -> x.check().equals("net.coap.unauthenticated")).findFirst().get();
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence().get(0).reply()).startsWith("2.05");
        assertThat((List<?>) f.data().get("resources")).isNotEmpty();
        Finding inv = r.findings().stream().filter(x -> x.check().equals("net.svc.inventory")).findFirst().get();
        assertThat(inv.message()).contains(coap.port + "/udp coap");
    }

    /** The service inventory's summary line: "…: 5683/udp coap, …". */
    static String inventory(ProbeOptions o) {
        ScanResult r = new DeviceScanner().scanResult(new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress()),
                o.withPorts(List.of(coap.port)).withBudget(Duration.ofSeconds(30))
                        .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700)), ProgressListener.NONE);
        return r.findings().stream().filter(f -> f.check().equals("net.svc.inventory")).findFirst().get().message();
    }

    @Test
    void udpPortsListPointsTheProbesAtTheNamedPorts() {
        // the server is on a random port: the standard ports miss it, a service=port or a bare port finds it
        assertThat(inventory(ProbeOptions.defaults().withUdp(true, Map.of()))).doesNotContain(coap.port + "/udp coap");
        assertThat(inventory(ProbeOptions.defaults().withUdpPorts("coap=" + coap.port))).contains(coap.port + "/udp coap");
        assertThat(inventory(ProbeOptions.defaults().withUdpPorts(String.valueOf(coap.port))))
                .contains(coap.port + "/udp coap");
    }

    @Test
    void silentUdpPortIsNotRunNotFail() throws Exception {
        ScanResult r = scan(ServerProcess.freePort());
        Finding f = r.findings().stream().filter(x -> x.check().equals("net.coap.unauthenticated")).findFirst().get();
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_RUN);
    }
}
