package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.auth.BruteForceCheck;
import org.iotb.probe.checks.FtpAnonymousCheck;
import org.iotb.probe.testing.FormLoginApp;
import org.iotb.probe.testing.HostileServices;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #20: a hostile service can neither hold the device scan past its budget (the wall-clock deadline is enforced
 * outside the protocol library) nor spoil the checks of the other services, and a probe that could not complete its
 * protocol says not-run instead of pass or fail.
 */
@Tag("integration")
class HostileServiceTest {
    static final DeviceTarget LOOPBACK = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());

    static ProbeOptions opts(List<Integer> ports, Duration budget) {
        return ProbeOptions.defaults().withPorts(ports).withBudget(budget).withIntrusive(true)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(1500));
    }

    static List<Finding> judged(ScanResult r, String prefix) {
        return r.findings().stream().filter(f -> f.check().startsWith(prefix)).toList();
    }

    @Test
    void dripFeedingSshServerCannotHoldTheScanPastItsBudget() throws Exception {
        try (HostileServices h = new HostileServices()) {
            int port = h.dripSsh();
            Duration budget = Duration.ofSeconds(10);
            long t0 = System.nanoTime();
            ScanResult r = assertTimeoutPreemptively(budget.plusSeconds(15), () -> new DeviceScanner()
                    .scanResult(LOOPBACK, opts(List.of(port), budget), ProgressListener.NONE));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isLessThan(budget.toMillis() + 3000);
            List<Finding> ssh = r.findings().stream().filter(f -> f.check().startsWith("net.ssh.")
                    || f.check().startsWith("net.auth.")).toList();
            assertThat(ssh).isNotEmpty();
            assertThat(ssh).as(ssh.toString()).allMatch(f -> f.outcome() == Outcome.NOT_RUN
                    || f.outcome() == Outcome.ERROR);
            assertThat(ssh).allMatch(f -> f.message() != null && !f.message().isBlank());
        }
    }

    @Test
    void malformedKexinitSpoilsOnlyItsOwnService() throws Exception {
        try (HostileServices h = new HostileServices();
             FormLoginApp web = new FormLoginApp("admin", "Xq7-unique-per-device")) {
            int ssh = h.malformedKexinit();
            ScanResult r = new DeviceScanner(List.of(new BruteForceCheck())).scanResult(LOOPBACK,
                    opts(List.of(ssh, web.port), Duration.ofSeconds(60)).withAttemptBudget(6),
                    ProgressListener.NONE);
            List<Finding> bf = judged(r, BruteForceCheck.ID);
            Finding http = bf.stream().filter(f -> f.message().contains("port " + web.port)).findFirst()
                    .orElseThrow(() -> new AssertionError("no brute-force finding for the web login: " + bf));
            assertThat(http.outcome()).as(http.message()).isEqualTo(Outcome.FAIL);
            Finding sshF = bf.stream().filter(f -> f.message().contains("port " + ssh)).findFirst()
                    .orElseThrow(() -> new AssertionError("no brute-force finding for SSH: " + bf));
            assertThat(sshF.outcome()).as(sshF.message()).isIn(Outcome.NOT_RUN, Outcome.ERROR);
        }
    }

    @Test
    void sshServerNeverTalkedToGetsNoBruteForcePass() throws Exception {
        try (HostileServices h = new HostileServices()) {
            int ssh = h.malformedKexinit();
            ScanResult r = new DeviceScanner(List.of(new BruteForceCheck())).scanResult(LOOPBACK,
                    opts(List.of(ssh), Duration.ofSeconds(30)).withAttemptBudget(6), ProgressListener.NONE);
            Finding f = judged(r, BruteForceCheck.ID).get(0);
            assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.NOT_RUN);
            assertThat(f.message()).doesNotContain("refused");
        }
    }

    @Test
    void endlessFtpGreetingGetsNeitherAnonymousPassNorBruteForceFail() throws Exception {
        try (HostileServices h = new HostileServices()) {
            int ftp = h.endlessFtpGreeting();
            ScanResult r = new DeviceScanner(List.of(new FtpAnonymousCheck(), new BruteForceCheck()))
                    .scanResult(LOOPBACK, opts(List.of(ftp), Duration.ofSeconds(30)).withAttemptBudget(6),
                            ProgressListener.NONE);
            Finding anon = judged(r, FtpAnonymousCheck.ID).get(0);
            assertThat(anon.outcome()).as(anon.message()).isEqualTo(Outcome.NOT_RUN);
            assertThat(anon.message()).contains("did not end");
            Finding bf = judged(r, BruteForceCheck.ID).get(0);
            assertThat(bf.outcome()).as(bf.message()).isEqualTo(Outcome.NOT_RUN);
            assertThat(bf.message()).contains("not completed");
        }
    }

    @Test
    void telnetFloodGetsNoBruteForceFail() throws Exception {
        try (HostileServices h = new HostileServices()) {
            int telnet = h.telnetFlood();
            ScanResult r = new DeviceScanner(List.of(new BruteForceCheck())).scanResult(LOOPBACK,
                    opts(List.of(telnet), Duration.ofSeconds(60)).withAttemptBudget(6), ProgressListener.NONE);
            Finding bf = judged(r, BruteForceCheck.ID).get(0);
            assertThat(bf.message()).contains("telnet");
            assertThat(bf.outcome()).as(bf.message()).isEqualTo(Outcome.NOT_RUN);
        }
    }
}
