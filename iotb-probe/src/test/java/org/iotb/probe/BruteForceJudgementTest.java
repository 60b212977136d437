package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.auth.BruteForceCheck;
import org.iotb.probe.auth.DefaultCredentialsCheck;
import org.iotb.probe.testing.PrivateAccounts;
import org.iotb.probe.testing.ServerProcess;
import org.iotb.probe.testing.SshServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing checks judged like an assessor, on real servers: a key-only OpenSSH has no password to guess (pass,
 * with the method list as the reason); Debian's OpenSSH (PAM, random admin password) is not accused; dropbear with
 * admin/admin still fails default credentials and brute-force resistance.
 */
@Tag("integration")
class BruteForceJudgementTest {
    static final DeviceTarget LOOPBACK = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());
    @TempDir
    static Path dir;
    static ServerProcess keyOnly;
    static ServerProcess debian;
    static ServerProcess dropbearAdmin;
    static Map<String, Finding> byCheckAndPort;

    @BeforeAll
    static void start() throws Exception {
        PrivateAccounts.assumeAvailable();
        keyOnly = SshServers.sshd(dir, "keys", "ed25519", String.join("\n", "PasswordAuthentication no",
                "KbdInteractiveAuthentication no"));
        debian = PrivateAccounts.withAdmin(dir, "n0t-" + System.nanoTime()).debianSshd(dir);
        dropbearAdmin = PrivateAccounts.withAdmin(dir, "admin").dropbear(dir);
        ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(keyOnly.port, debian.port, dropbearAdmin.port))
                .withIntrusive(true).withAttemptBudget(4).withBudget(Duration.ofSeconds(150));
        ScanResult r = new DeviceScanner(List.of(new DefaultCredentialsCheck(), new BruteForceCheck()))
                .scanResult(LOOPBACK, o, ProgressListener.NONE);
        byCheckAndPort = new TreeMap<>();
        r.findings().stream().filter(f -> !f.evidence().isEmpty())
                .forEach(f -> byCheckAndPort.put(f.check() + "@" + f.evidence().get(0).port(), f));
    }

    @AfterAll
    static void stop() {
        for (ServerProcess p : new ServerProcess[] {keyOnly, debian, dropbearAdmin}) {
            if (p != null) {
                p.close();
            }
        }
    }

    static Finding finding(String check, ServerProcess p) throws Exception {
        Finding f = byCheckAndPort.get(check + "@" + p.port);
        assertThat(f).as(check + " on " + p.port + " in " + byCheckAndPort.keySet() + "\n" + p.log()).isNotNull();
        return f;
    }

    @Test
    void keyOnlyOpenSshIsNotBruteForceable() throws Exception {
        Finding f = finding(BruteForceCheck.ID, keyOnly);
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.PASS);
        assertThat(f.message()).contains("offers only publickey", "no password-based login");
        Finding creds = finding(DefaultCredentialsCheck.ID, keyOnly);
        assertThat(creds.outcome()).as(creds.message()).isEqualTo(Outcome.PASS);
        assertThat(creds.message()).contains("offers only publickey", "no default password can be tried");
        // no password was sent: sshd logged no failed password
        assertThat(keyOnly.log()).doesNotContain("Failed password");
    }

    @Test
    void debianOpenSshDrawsNoFail() throws Exception {
        for (String check : List.of(BruteForceCheck.ID, DefaultCredentialsCheck.ID)) {
            Finding f = finding(check, debian);
            assertThat(f.outcome()).as(check + ": " + f.message()).isNotEqualTo(Outcome.FAIL);
        }
    }

    @Test
    void dropbearWithAdminAdminStillFails() throws Exception {
        Finding creds = finding(DefaultCredentialsCheck.ID, dropbearAdmin);
        assertThat(creds.outcome()).as(creds.message()).isEqualTo(Outcome.FAIL);
        Finding brute = finding(BruteForceCheck.ID, dropbearAdmin);
        assertThat(brute.outcome()).as(brute.message()).isEqualTo(Outcome.FAIL);
        assertThat(brute.message()).contains("answered every wrong password at full speed");
    }
}
