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

    @Test
    void silentUdpPortIsNotRunNotFail() throws Exception {
        ScanResult r = scan(ServerProcess.freePort());
        Finding f = r.findings().stream().filter(x -> x.check().equals("net.coap.unauthenticated")).findFirst().get();
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_RUN);
    }
}
