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

/** libcoap's coap-server-openssl with a PSK: iotb completes DTLS ClientHello exchanges on its coaps port. */
@Tag("integration")
class DtlsTest {
    @TempDir
    static Path dir;
    static ServerProcess coaps;

    @BeforeAll
    static void start() throws Exception {
        String bin = ServerProcess.require("coap-server-openssl");
        int port = ServerProcess.freePort();
        coaps = ServerProcess.startUdp(dir, port, bin, "-A", "127.0.0.1", "-p", String.valueOf(port), "-k",
                "iotb-test-psk", "-h", "iotb");
    }

    @AfterAll
    static void stop() {
        if (coaps != null) {
            coaps.close();
        }
    }

    @Test
    void coapsPortIsAuditedAndModernSuitesPass() {
        ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(coaps.port)).withBudget(Duration.ofSeconds(60))
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800))
                .withUdp(true, Map.of("coap", coaps.port, "coaps", coaps.port + 1, "ssdp", coaps.port,
                        "mdns", coaps.port, "snmp", coaps.port, "tftp", coaps.port));
        ScanResult r = new DeviceScanner().scanResult(new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress()),
                o, ProgressListener.NONE);
        Finding legacy = r.findings().stream().filter(f -> f.check().equals("net.dtls.legacy-protocol")).findFirst()
                .get();
        Finding weak = r.findings().stream().filter(f -> f.check().equals("net.dtls.weak-cipher")).findFirst().get();
        assertThat(legacy.outcome()).as(legacy.message()).isIn(Outcome.PASS, Outcome.FAIL);
        @SuppressWarnings("unchecked")
        Map<String, List<String>> ciphers = (Map<String, List<String>>) legacy.data().get("ciphers");
        assertThat(ciphers).containsKey("DTLSv1.2");
        assertThat(ciphers.get("DTLSv1.2")).anyMatch(c -> c.contains("PSK"));
        // libcoap's PSK server offers DTLS 1.2 AEAD/CBC PSK suites and nothing weak
        assertThat(weak.outcome()).as(weak.message()).isEqualTo(Outcome.PASS);
        assertThat(legacy.outcome()).isEqualTo(ciphers.containsKey("DTLSv1.0") ? Outcome.FAIL : Outcome.PASS);
    }
}
