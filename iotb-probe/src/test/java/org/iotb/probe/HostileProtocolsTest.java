package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.testing.HostileServices;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #20, the protocol-level attacks: a 1 MB banner, an endless TLS record stream, a slowloris HTTP server and
 * MQTT packets with an absurd remaining length. Each scan (all default checks) must end within its budget plus a
 * small margin, keep every finding's text bounded, and judge the hostile protocol's checks not-run or error with a
 * reason, never pass or fail.
 */
@Tag("integration")
class HostileProtocolsTest {
    static final Duration BUDGET = Duration.ofSeconds(12);
    static final long MARGIN_MS = 3000;

    record Run(List<Finding> findings, long millis) {
    }

    static Run scan(int port) {
        long t0 = System.nanoTime();
        ScanResult r = assertTimeoutPreemptively(BUDGET.plusSeconds(15), () -> new DeviceScanner()
                .scanResult(HostileServiceTest.LOOPBACK, HostileServiceTest.opts(List.of(port), BUDGET)
                        .withAttemptBudget(6), ProgressListener.NONE));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        r.findings().forEach(f -> System.out.println("HOSTILE " + port + " " + f.check() + " " + f.outcome()
                + " " + f.message()));
        assertThat(ms).as("wall time").isLessThan(BUDGET.toMillis() + MARGIN_MS);
        // bounded memory shows in bounded evidence: no finding carries the attacker's megabytes along
        assertThat(r.findings()).allMatch(f -> f.message() == null || f.message().length() < 4096);
        return new Run(r.findings(), ms);
    }

    /** The checks of the hostile protocol: none may pass or fail, and each says why it did not run. */
    static void notJudged(Run run, String... prefixes) {
        List<Finding> own = run.findings().stream()
                .filter(f -> List.of(prefixes).stream().anyMatch(p -> f.check().startsWith(p))).toList();
        assertThat(own).as(own.toString()).allMatch(f -> f.outcome() == Outcome.NOT_RUN
                || f.outcome() == Outcome.ERROR);
        assertThat(own).allMatch(f -> f.message() != null && !f.message().isBlank());
    }

    static List<Finding> own(Run run, String check) {
        return run.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void megabyteSshBannerEndsInBudgetWithoutAVerdict() throws Exception {
        try (HostileServices h = new HostileServices()) {
            Run run = scan(h.megabyteBanner("SSH-2.0-"));
            notJudged(run, "net.ssh.", "net.auth.");
        }
    }

    @Test
    void megabyteFtpBannerEndsInBudgetWithoutAVerdict() throws Exception {
        try (HostileServices h = new HostileServices()) {
            Run run = scan(h.megabyteBanner("220 "));
            notJudged(run, "net.ftp.", "net.auth.");
        }
    }

    @Test
    void megabyteTelnetBannerEndsInBudgetWithoutAVerdict() throws Exception {
        try (HostileServices h = new HostileServices()) {
            Run run = scan(h.megabyteBanner("login: "));
            notJudged(run, "net.auth.");
            // no pass for a banner judged only in part: the version could sit past the read cap
            notJudged(run, "net.disclosure.version");
            assertThat(own(run, "net.disclosure.version")).anyMatch(f -> f.message().contains("not judged in full"));
        }
    }

    @Test
    void endlessTlsRecordsEndInBudgetWithoutAVerdict() throws Exception {
        try (HostileServices h = new HostileServices()) {
            Run run = scan(h.endlessTlsRecords());
            notJudged(run, "net.tls.", "net.http.", "net.auth.");
        }
    }

    @Test
    void slowlorisHttpEndsInBudgetWithoutAVerdict() throws Exception {
        try (HostileServices h = new HostileServices()) {
            Run run = scan(h.slowlorisHttp());
            notJudged(run, "net.http.", "net.web.", "net.auth.");
        }
    }

    @Test
    void absurdMqttConnackEndsInBudgetWithoutAVerdict() throws Exception {
        try (HostileServices h = new HostileServices()) {
            Run run = scan(h.absurdMqtt(0x20));
            notJudged(run, "net.mqtt.", "net.auth.");
            // identified as MQTT that breaks the protocol, not as an unknown service
            assertThat(own(run, "net.mqtt.anonymous")).isNotEmpty().allMatch(f -> f.message().contains(
                    "MQTT CONNACK claiming a remaining length of 268435455 bytes"));
            notJudged(run, "net.disclosure.version"); // the malformed reply is no banner to pass
        }
    }

    @Test
    void absurdMqttPublishEndsInBudgetWithoutAVerdict() throws Exception {
        try (HostileServices h = new HostileServices()) {
            Run run = scan(h.absurdMqtt(0x30));
            notJudged(run, "net.mqtt.", "net.auth.");
            assertThat(own(run, "net.mqtt.anonymous")).isNotEmpty().allMatch(f -> f.message().contains(
                    "MQTT PUBLISH of 268435455 bytes"));
            notJudged(run, "net.disclosure.version");
        }
    }
}
