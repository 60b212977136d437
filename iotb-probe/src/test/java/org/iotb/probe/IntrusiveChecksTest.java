package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.testing.Daemons;
import org.iotb.probe.testing.Nginx;
import org.iotb.probe.testing.ServerProcess;
import org.iotb.probe.testing.TelnetLike;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Default credentials and brute-force resistance against nginx Basic auth (with and without limit_req),
 * a mosquitto broker with a password file, and a device-style telnet login. All accept admin/admin1234.
 */
@Tag("integration")
class IntrusiveChecksTest {
    static final DeviceTarget LOOPBACK = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());
    @TempDir
    static Path dir;
    static ServerProcess basic;
    static ServerProcess limited;
    static ServerProcess mqtt;
    static TelnetLike telnet;
    static ScanResult intrusive;

    @BeforeAll
    static void start() throws Exception {
        String openssl = ServerProcess.require("openssl");
        String mosquittoPasswd = ServerProcess.require("mosquitto_passwd");
        Process p = new ProcessBuilder(openssl, "passwd", "-apr1", "admin1234").start();
        String hash = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor(10, TimeUnit.SECONDS);
        Path htpasswd = dir.resolve("users.htpasswd");
        Files.writeString(htpasswd, "admin:" + hash + "\n");
        basic = Nginx.start(dir, "", "location / { auth_basic \"cam\"; auth_basic_user_file " + htpasswd + "; }");
        limited = Nginx.start(dir, "", "location / { limit_req zone=login; auth_basic \"cam\"; auth_basic_user_file "
                + htpasswd + "; }");
        Path pw = dir.resolve("mosquitto.passwd");
        Process mp = new ProcessBuilder(mosquittoPasswd, "-c", "-b", pw.toString(), "admin", "admin1234")
                .redirectErrorStream(true).start();
        mp.getInputStream().readAllBytes();
        mp.waitFor(10, TimeUnit.SECONDS);
        mqtt = Daemons.mosquitto(dir, false, "password_file " + pw);
        telnet = new TelnetLike();
        intrusive = scan(true);
    }

    static ScanResult scan(boolean intrusive) {
        ProbeOptions o = ProbeOptions.defaults()
                .withPorts(List.of(basic.port, limited.port, mqtt.port, telnet.port))
                .withIntrusive(intrusive).withAttemptBudget(10).withBudget(Duration.ofSeconds(90));
        return new DeviceScanner().scanResult(LOOPBACK, o, ProgressListener.NONE);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServerProcess p : new ServerProcess[] {basic, limited, mqtt}) {
            if (p != null) {
                p.close();
            }
        }
        if (telnet != null) {
            telnet.close();
        }
    }

    static Map<Integer, Finding> byPort(ScanResult r, String check) {
        Map<Integer, Finding> m = new TreeMap<>();
        r.findings().stream().filter(f -> f.check().equals(check) && !f.evidence().isEmpty())
                .forEach(f -> m.put(f.evidence().get(0).port(), f));
        return m;
    }

    @Test
    void defaultCredentialsFoundWithMaskedPassword() {
        Map<Integer, Finding> m = byPort(intrusive, "net.auth.default-credentials");
        for (int port : List.of(basic.port, mqtt.port, telnet.port)) {
            Finding f = m.get(port);
            assertThat(f).as("port " + port).isNotNull();
            assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
            assertThat(f.data()).containsEntry("username", "admin").containsEntry("password", "a********");
            assertThat(f.message()).doesNotContain("admin1234");
        }
    }

    @Test
    void bruteForceResistanceDependsOnRateLimiting() {
        Map<Integer, Finding> m = byPort(intrusive, "net.auth.bruteforce-resistance");
        assertThat(m.get(basic.port).outcome()).as(m.get(basic.port).message()).isEqualTo(Outcome.FAIL);
        assertThat(m.get(telnet.port).outcome()).as(m.get(telnet.port).message()).isEqualTo(Outcome.FAIL);
        assertThat(m.get(limited.port).outcome()).as(m.get(limited.port).message()).isEqualTo(Outcome.PASS);
        assertThat((List<?>) m.get(basic.port).data().get("millis")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void nothingIntrusiveWithoutTheFlag() {
        ScanResult polite = scan(false);
        assertThat(polite.findings()).filteredOn(f -> f.check().startsWith("net.auth."))
                .isNotEmpty().allMatch(f -> f.outcome() == Outcome.NOT_RUN && f.message().contains("--intrusive"));
    }
}
