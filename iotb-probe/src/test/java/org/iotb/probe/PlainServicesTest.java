package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.discovery.PortScanResult;
import org.iotb.probe.discovery.TcpPortScanner;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.testing.Daemons;
import org.iotb.probe.testing.ServerProcess;
import org.iotb.probe.testing.TelnetLike;
import org.iotb.probe.testing.TestCerts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** busybox telnetd, vsftpd (anonymous on and off) and mosquitto (anonymous on and off), found and judged. */
@Tag("integration")
class PlainServicesTest {
    static final DeviceTarget LOOPBACK = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());
    @TempDir
    static Path dir;
    static ServerProcess telnetd;
    static TelnetLike telnetLike;
    static int telnetPort;
    static ServerProcess ftpAnon;
    static ServerProcess ftpClosed;
    static ServerProcess mqttAnon;
    static ServerProcess mqttClosed;
    static ServerProcess mqttTls;
    static int mqttTlsPort;
    static ScanResult result;

    @BeforeAll
    static void start() throws Exception {
        Path login = dir.resolve("fake-login.sh");
        Files.copy(PlainServicesTest.class.getResourceAsStream("fake-login.sh"), login);
        Files.setPosixFilePermissions(login, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (Daemons.hasBusyboxTelnetd()) {
            telnetd = Daemons.telnetd(dir, login.toString());
            telnetPort = telnetd.port;
        } else {
            telnetLike = new TelnetLike();
            telnetPort = telnetLike.port;
        }
        ftpAnon = Daemons.vsftpd(dir, true);
        ftpClosed = Daemons.vsftpd(dir, false);
        mqttAnon = Daemons.mosquitto(dir, true, "");
        mqttClosed = Daemons.mosquitto(dir, false, "");
        TestCerts.Pem pem = TestCerts.make(dir, "broker", 2048, "SHA256withRSA", false, false);
        mqttTlsPort = ServerProcess.freePort();
        mqttTls = Daemons.mosquitto(dir, true, "listener " + mqttTlsPort + " 127.0.0.1\ncertfile " + pem.cert()
                + "\nkeyfile " + pem.key());
        ProbeOptions o = ProbeOptions.defaults().withPorts(ports()).withBudget(Duration.ofSeconds(60));
        result = new DeviceScanner().scanResult(LOOPBACK, o, ProgressListener.NONE);
    }

    static List<Integer> ports() {
        return List.of(telnetPort, ftpAnon.port, ftpClosed.port, mqttAnon.port, mqttClosed.port, mqttTlsPort);
    }

    @AfterAll
    static void stop() throws Exception {
        if (telnetLike != null) {
            telnetLike.close();
        }
        for (ServerProcess p : new ServerProcess[] {telnetd, ftpAnon, ftpClosed, mqttAnon, mqttClosed, mqttTls}) {
            if (p != null) {
                p.close();
            }
        }
    }

    static List<Finding> findings(String check) {
        return result.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void inventoryNamesEveryService() {
        Finding inv = findings("net.svc.inventory").get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) inv.data().get("services");
        Map<Integer, String> byPort = new java.util.HashMap<>();
        services.forEach(s -> byPort.put((Integer) s.get("port"), (String) s.get("service")));
        assertThat(byPort).containsEntry(telnetPort, "telnet").containsEntry(ftpAnon.port, "ftp")
                .containsEntry(ftpClosed.port, "ftp").containsEntry(mqttAnon.port, "mqtt")
                .containsEntry(mqttClosed.port, "mqtt").containsEntry(mqttTlsPort, "mqtts");
    }

    @Test
    void tlsBrokerGetsTheTlsChecks() {
        assertThat(findings("net.tls.legacy-protocol")).anyMatch(f -> f.evidence().get(0).port() == mqttTlsPort
                && f.outcome() == Outcome.PASS);
        assertThat(findings("net.tls.certificate")).anyMatch(f -> f.evidence().get(0).port() == mqttTlsPort
                && f.outcome() == Outcome.WARNING && f.message().contains("self-signed"));
    }

    @Test
    void telnetIsReported() {
        Finding f = findings("net.svc.telnet").get(0);
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).anyMatch(e -> e.port() == telnetPort);
    }

    @Test
    void anonymousFtpOnlyWhereEnabled() {
        Map<Integer, Outcome> byPort = new java.util.HashMap<>();
        findings("net.svc.ftp-anonymous").forEach(f -> assertThat(f.evidence()).as(f.message()).isNotEmpty());
        findings("net.svc.ftp-anonymous").forEach(f -> byPort.put(f.evidence().get(0).port(), f.outcome()));
        assertThat(byPort).containsEntry(ftpAnon.port, Outcome.FAIL).containsEntry(ftpClosed.port, Outcome.PASS);
    }

    @Test
    void anonymousMqttOnlyWhereEnabled() {
        Map<Integer, Outcome> byPort = new java.util.HashMap<>();
        findings("net.mqtt.anonymous").forEach(f -> byPort.put(f.evidence().get(0).port(), f.outcome()));
        assertThat(byPort).containsEntry(mqttAnon.port, Outcome.FAIL).containsEntry(mqttClosed.port, Outcome.PASS)
                .containsEntry(mqttTlsPort, Outcome.FAIL);
    }

    @Test
    void openPortsEqualNmapOnTheSamePorts() throws Exception {
        String nmap = ServerProcess.require("nmap");
        int closed = ServerProcess.freePort();
        List<Integer> probe = new java.util.ArrayList<>(ports());
        probe.add(closed);
        StringBuilder spec = new StringBuilder();
        probe.forEach(p -> spec.append(spec.length() == 0 ? "" : ",").append(p));
        Process p = new ProcessBuilder(nmap, "-n", "-Pn", "-T4", "-p", spec.toString(), "-oG", "-", "127.0.0.1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        Set<Integer> nmapOpen = new TreeSet<>();
        Matcher m = Pattern.compile("(\\d+)/open/tcp").matcher(out);
        while (m.find()) {
            nmapOpen.add(Integer.parseInt(m.group(1)));
        }
        PortScanResult mine = new TcpPortScanner(64, 0, 1000).scan(InetAddress.getLoopbackAddress(), probe,
                Deadline.in(Duration.ofSeconds(20)));
        assertThat(new TreeSet<>(mine.open())).isEqualTo(nmapOpen).hasSize(6).doesNotContain(closed);
    }
}
