package org.iotb.probe.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.DeviceScanner;
import org.iotb.probe.DeviceTarget;
import org.iotb.probe.ProbeOptions;
import org.iotb.probe.ProgressListener;
import org.iotb.probe.checks.SshChecks;
import org.iotb.probe.net.Conn;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.testing.ServerProcess;
import org.iotb.probe.testing.SshServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSSH (weak and hardened) and dropbear: algorithm verdicts agree with ssh-audit; password logins seen. */
@Tag("integration")
class SshChecksTest {
    @TempDir
    static Path dir;
    static ServerProcess weak;
    static ServerProcess hardened;
    static ServerProcess dropbear;
    static ServerProcess dropbearKeysOnly;
    static ServerProcess debian;
    static ScanResult result;

    @BeforeAll
    static void start() throws Exception {
        weak = SshServers.sshd(dir, "weak", "rsa", String.join("\n", "PasswordAuthentication yes",
                "KexAlgorithms +diffie-hellman-group1-sha1,diffie-hellman-group14-sha1",
                "Ciphers +aes128-cbc,3des-cbc", "MACs +hmac-sha1,hmac-md5", "HostKeyAlgorithms +ssh-rsa"));
        hardened = SshServers.sshd(dir, "hard", "ed25519", String.join("\n", "PasswordAuthentication no",
                "KbdInteractiveAuthentication no", "KexAlgorithms curve25519-sha256",
                "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com",
                "MACs hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com"));
        // Debian's sshd_config changes no algorithm: the compiled-in defaults (NIST curves included) plus an ECDSA key
        debian = SshServers.sshd(dir, "debian", "ecdsa", String.join("\n", "KbdInteractiveAuthentication no",
                "X11Forwarding yes", "PrintMotd no", "AcceptEnv LANG LC_*"));
        dropbear = SshServers.dropbear(dir, true);
        dropbearKeysOnly = SshServers.dropbear(dir, false);
        ProbeOptions o = ProbeOptions.defaults()
                .withPorts(List.of(weak.port, hardened.port, dropbear.port, dropbearKeysOnly.port, debian.port))
                .withBudget(Duration.ofSeconds(60));
        result = new DeviceScanner().scanResult(new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress()), o,
                ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        for (ServerProcess p : new ServerProcess[] {weak, hardened, dropbear, dropbearKeysOnly, debian}) {
            if (p != null) {
                p.close();
            }
        }
    }

    static Map<Integer, Finding> byPort(String check) {
        Map<Integer, Finding> m = new TreeMap<>();
        result.findings().stream().filter(f -> f.check().equals(check))
                .forEach(f -> m.put(f.evidence().isEmpty() ? -1 : f.evidence().get(0).port(), f));
        return m;
    }

    @Test
    void weakAlgorithmsOnlyWhereConfigured() {
        Map<Integer, Finding> m = byPort(SshChecks.WEAK);
        assertThat(m.get(weak.port).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(m.get(weak.port).message()).contains("diffie-hellman-group1-sha1", "3des-cbc", "hmac-md5");
        assertThat(m.get(hardened.port).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void debianDefaultsDrawNoFail() {
        Finding f = byPort(SshChecks.WEAK).get(debian.port);
        // the distribution defaults offer the NIST curves, which ssh-audit fails and NIST/BSI approve
        assertThat(f.data().toString()).contains("ecdh-sha2-nistp256", "ecdsa-sha2-nistp256");
        assertThat(f.outcome()).as(f.message()).isNotEqualTo(Outcome.FAIL);
        assertThat(f.message()).doesNotContain("nistp");
    }

    @Test
    void failsNameTheirSource() {
        Finding f = byPort(SshChecks.WEAK).get(weak.port);
        assertThat(f.message()).contains("RFC 9142", "SP 800-131A");
        @SuppressWarnings("unchecked")
        Map<String, String> sources = (Map<String, String>) f.data().get("sources");
        assertThat(sources).containsKey("kex diffie-hellman-group1-sha1").containsKey("cipher 3des-cbc");
        assertThat(sources.get("cipher 3des-cbc")).contains("SP 800-131A");
    }

    @Test
    void passwordAuthOnlyWhereEnabled() {
        Map<Integer, Finding> m = byPort(SshChecks.PASSWORD);
        assertThat(m.get(weak.port).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(m.get(dropbear.port).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(m.get(hardened.port).outcome()).isEqualTo(Outcome.PASS);
        assertThat(m.get(hardened.port).data().get("methods")).isEqualTo(List.of("publickey"));
        assertThat(m.get(dropbearKeysOnly.port).outcome()).as(m.get(dropbearKeysOnly.port).message())
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void algorithmSetAgreesWithSshAudit() throws Exception {
        String sshAudit = ServerProcess.require("ssh-audit");
        for (ServerProcess p : List.of(weak, hardened, dropbear, debian)) {
            Map<String, String> theirs = sshAudit(sshAudit, p.port);
            KexInit k;
            try (Conn c = Conn.open(InetAddress.getLoopbackAddress(), p.port, 1000, 3000,
                    Deadline.in(Duration.ofSeconds(10)))) {
                k = KexInitReader.read(c);
            }
            Map<String, String> mine = new TreeMap<>();
            SshChecks.verdicts(k).forEach((kind, v) -> v.forEach((name, level) -> {
                if (!level.equals("unknown")) {
                    mine.put(kind + " " + name, level);
                }
            }));
            // same algorithms seen and known by both; the grades are ours (data/ssh-grading.yaml), not ssh-audit's
            assertThat(mine.keySet()).as("port " + p.port).isEqualTo(theirs.keySet());
            theirs.forEach((alg, level) -> assertThat(AlgorithmPolicy.sshAuditLevel(alg.split(" ")[0],
                    alg.split(" ")[1])).as(alg + " in data/ssh-algorithms.csv").isEqualTo(level));
        }
    }

    /** "(kex) name -- [fail] ..." lines of ssh-audit's text report; info means ok. */
    static Map<String, String> sshAudit(String bin, int port) throws Exception {
        Process p = new ProcessBuilder(bin, "-n", "127.0.0.1:" + port).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        Map<String, String> kinds = Map.of("kex", "kex", "key", "hostkey", "enc", "cipher", "mac", "mac");
        Map<String, String> m = new TreeMap<>();
        Matcher x = Pattern.compile("(?m)^\\((kex|key|enc|mac)\\) (\\S+)(?: \\(\\d+-bit\\))?\\s+-- \\[(\\w+)\\] (.*)").matcher(out);
        while (x.find()) {
            if (x.group(4).contains("unknown algorithm")) {
                // neither tool has a verdict for names it does not know
                continue;
            }
            String level = x.group(3).equals("info") ? "ok" : x.group(3);
            m.put(kinds.get(x.group(1)) + " " + x.group(2), level);
        }
        assertThat(m).as("ssh-audit output for " + port).isNotEmpty();
        return m;
    }
}
