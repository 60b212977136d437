package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.auth.DefaultCredentialsCheck;
import org.iotb.probe.testing.PrivateAccounts;
import org.iotb.probe.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * net.auth.default-credentials over SSH (dropbear) and FTP (vsftpd via PAM) against real system-account logins.
 * Each server runs in a private mount namespace whose /etc/passwd and /etc/shadow hold one "admin" account:
 * password "admin" (first entry of the default list) on one server of each kind, a random one on the other.
 */
@Tag("integration")
class SystemAccountLoginTest {
    static final DeviceTarget LOOPBACK = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());
    static final String RANDOM = HexFormat.of().formatHex(randomBytes());
    @TempDir
    static Path dir;
    static ServerProcess sshDefault;
    static ServerProcess sshRandom;
    static ServerProcess ftpDefault;
    static ServerProcess ftpRandom;
    static Map<Integer, Finding> byPort;

    static byte[] randomBytes() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @BeforeAll
    static void start() throws Exception {
        PrivateAccounts.assumeAvailable();
        PrivateAccounts weak = PrivateAccounts.withAdmin(dir, "admin");
        PrivateAccounts strong = PrivateAccounts.withAdmin(dir, RANDOM);
        sshDefault = weak.dropbear(dir);
        sshRandom = strong.dropbear(dir);
        ftpDefault = weak.vsftpd(dir);
        ftpRandom = strong.vsftpd(dir);
        // a small attempt budget keeps the refused servers quick: pam_unix delays every wrong password ~2 s
        ProbeOptions o = ProbeOptions.defaults()
                .withPorts(List.of(sshDefault.port, sshRandom.port, ftpDefault.port, ftpRandom.port))
                .withIntrusive(true).withAttemptBudget(4).withBudget(Duration.ofSeconds(90));
        ScanResult r = new DeviceScanner(List.of(new DefaultCredentialsCheck())).scanResult(LOOPBACK, o,
                ProgressListener.NONE);
        byPort = new TreeMap<>();
        r.findings().stream().filter(f -> f.check().equals(DefaultCredentialsCheck.ID) && !f.evidence().isEmpty())
                .forEach(f -> byPort.put(f.evidence().get(0).port(), f));
    }

    @AfterAll
    static void stop() {
        for (ServerProcess p : new ServerProcess[] {sshDefault, sshRandom, ftpDefault, ftpRandom}) {
            if (p != null) {
                p.close();
            }
        }
    }

    static void assertFoundAdmin(ServerProcess server, String protocol) throws Exception {
        Finding f = byPort.get(server.port);
        assertThat(f).as(protocol + " finding; server log:\n" + server.log()).isNotNull();
        assertThat(f.outcome()).as(f.message() + "\n" + server.log()).isEqualTo(Outcome.FAIL);
        assertThat(f.data()).containsEntry("protocol", protocol).containsEntry("username", "admin")
                .containsEntry("password", "a****").containsEntry("attempts", 1);
        assertThat(f.message()).contains("admin / a****").doesNotContain("admin / admin");
        assertThat(f.evidence().get(0).request()).contains("admin").doesNotContain("/ admin");
    }

    static void assertNotAccused(ServerProcess server, String protocol) throws Exception {
        Finding f = byPort.get(server.port);
        assertThat(f).as(protocol + " finding; server log:\n" + server.log()).isNotNull();
        // every pair was tried and rejected by the real password check: a pass that names what it tried
        assertThat(f.outcome()).as(f.message() + "\n" + server.log()).isEqualTo(Outcome.PASS);
        assertThat(f.message()).contains("rejected 4 of 4");
    }

    @Test
    void sshAcceptingAdminAdminFails() throws Exception {
        assertFoundAdmin(sshDefault, "ssh");
        assertThat(sshDefault.log()).contains("Password auth succeeded for 'admin'");
    }

    @Test
    void sshWithRandomPasswordIsNotAccused() throws Exception {
        assertNotAccused(sshRandom, "ssh");
        assertThat(sshRandom.log()).contains("Bad password attempt for 'admin'")
                .doesNotContain("auth succeeded");
    }

    @Test
    void ftpAcceptingAdminAdminFails() throws Exception {
        assertFoundAdmin(ftpDefault, "ftp");
    }

    @Test
    void ftpWithRandomPasswordIsNotAccused() throws Exception {
        assertNotAccused(ftpRandom, "ftp");
    }
}
