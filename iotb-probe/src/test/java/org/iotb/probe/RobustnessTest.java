package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.probe.checks.RobustnessCheck;
import org.iotb.probe.testing.Daemons;
import org.iotb.probe.testing.FragileHttpServer;
import org.iotb.probe.testing.Nginx;
import org.iotb.probe.testing.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** net.robustness.malformed-input against servers that survive (nginx, mosquitto) and one that does not. */
class RobustnessTest {
    static final DeviceTarget LOOPBACK = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());
    @TempDir
    Path dir;

    static List<Finding> scan(boolean intrusive, int... ports) {
        ProbeOptions o = ProbeOptions.defaults().withPorts(java.util.Arrays.stream(ports).boxed().toList())
                .withIntrusive(intrusive).withBudget(Duration.ofSeconds(60));
        return new DeviceScanner(List.of(new RobustnessCheck())).scanResult(LOOPBACK, o, ProgressListener.NONE)
                .findings().stream().filter(f -> f.check().equals(RobustnessCheck.ID)).toList();
    }

    @Test
    @Tag("integration")
    void nginxAndMosquittoKeepAnswering() throws Exception {
        try (ServerProcess nginx = Nginx.start(dir, "", "location / { return 200 'ok'; }");
                ServerProcess mqtt = Daemons.mosquitto(dir, true, "")) {
            List<Finding> fs = scan(true, nginx.port, mqtt.port);
            assertThat(fs).hasSize(2);
            for (Finding f : fs) {
                assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.PASS);
                assertThat(f.evidence()).isNotEmpty();
            }
            Finding web = fs.stream().filter(f -> f.evidence().get(0).port() == nginx.port).findFirst().orElseThrow();
            assertThat(web.message()).contains("overlong request line").contains("invalid method");
            assertThat(web.evidence()).hasSize(4);
            Finding broker = fs.stream().filter(f -> f.evidence().get(0).port() == mqtt.port).findFirst()
                    .orElseThrow();
            assertThat(broker.message()).contains("remaining length 268435455");
        }
    }

    @Test
    @Tag("integration")
    void libcoapServerKeepsAnswering() throws Exception {
        String bin = ServerProcess.require("coap-server-notls");
        int port = ServerProcess.freePort();
        try (ServerProcess coap = ServerProcess.startUdp(dir, port, bin, "-A", "127.0.0.1", "-p",
                String.valueOf(port))) {
            ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(port)).withIntrusive(true)
                    .withBudget(Duration.ofSeconds(30)).withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700))
                    .withUdp(true, java.util.Map.of("coap", port, "ssdp", port + 1, "mdns", port + 1,
                            "snmp", port + 1, "tftp", port + 1));
            List<Finding> fs = new DeviceScanner(List.of(new RobustnessCheck())).scanResult(LOOPBACK, o,
                    ProgressListener.NONE).findings();
            assertThat(fs).hasSize(1);
            Finding f = fs.get(0);
            assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.PASS);
            assertThat(f.message()).contains("coap on port " + port).contains("token length 15");
            assertThat(f.evidence()).hasSize(3);
        }
    }

    @Test
    void aServerThatDiesOnAnOverlongLineFails() throws Exception {
        try (FragileHttpServer fragile = new FragileHttpServer()) {
            List<Finding> fs = scan(true, fragile.port);
            assertThat(fs).hasSize(1);
            Finding f = fs.get(0);
            assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
            // the request line overflows the server's 4 KiB buffer; the overlong header would too
            assertThat(f.message()).as(f.evidence().toString()).contains("stopped answering");
            assertThat((String) f.data().get("lastInput")).startsWith("overlong");
            assertThat(f.evidence().get(0).request()).startsWith("overlong request line");
            assertThat(fragile.crashed).isTrue();
        }
    }

    @Test
    void notRunWithoutIntrusiveOrWithoutService() throws Exception {
        try (FragileHttpServer fragile = new FragileHttpServer()) {
            assertThat(scan(false, fragile.port)).extracting(Finding::outcome).containsExactly(Outcome.NOT_RUN);
            assertThat(fragile.crashed).isFalse();
        }
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Finding> fs = scan(true, silent.getLocalPort());
            assertThat(fs).extracting(Finding::outcome).containsExactly(Outcome.NOT_RUN);
        }
    }
}
