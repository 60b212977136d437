package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/** The device scanner runs its check families under the shared runner policy (error and not-run semantics). */
class DeviceScannerPolicyTest {
    private static final DeviceTarget LOOPBACK = new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress());

    private static DeviceCheck family(String name, List<String> ids, Runnable body) {
        return new DeviceCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> checkIds() {
                return ids;
            }

            @Override
            public List<Finding> run(ProbeContext ctx) throws Exception {
                body.run();
                return ids.stream().map(id -> Finding.pass(id, "looked", List.of())).toList();
            }
        };
    }

    private static ProbeOptions opts(Duration budget) throws IOException {
        return ProbeOptions.defaults().withPorts(List.of(ServerProcess.freePort())).withBudget(budget)
                .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300));
    }

    @Test
    void aThrowingFamilyGivesAnErrorPerIdAndTheNextStillRuns() throws Exception {
        DeviceCheck broken = family("broken", List.of("x.one", "x.two"), () -> {
            throw new IllegalStateException("parser gave up");
        });
        DeviceCheck fine = family("fine", List.of("x.three"), () -> { });
        List<String> steps = new ArrayList<>();
        ScanResult r = new DeviceScanner(List.of(broken, fine)).scanResult(LOOPBACK, opts(Duration.ofSeconds(20)),
                steps::add);
        assertThat(r.findings()).extracting(Finding::check, Finding::outcome).containsExactly(
                tuple("x.one", Outcome.ERROR), tuple("x.two", Outcome.ERROR), tuple("x.three", Outcome.PASS));
        assertThat(r.findings().get(0).message())
                .isEqualTo("broken failed: java.lang.IllegalStateException: parser gave up");
        assertThat(steps).contains("checks: broken", "checks: fine");
        assertThat(r.stats().get("checkMillis").toString()).matches("\\{broken=\\d+, fine=\\d+}");
    }

    @Test
    void familiesAfterTheBudgetRanOutAreNotRunWithTheReason() throws Exception {
        DeviceCheck slow = family("slow", List.of("x.slow"), () -> {
            try {
                Thread.sleep(3_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        DeviceCheck late = family("late", List.of("x.late.a", "x.late.b"), () -> { });
        ScanResult r = new DeviceScanner(List.of(slow, late)).scanResult(LOOPBACK, opts(Duration.ofSeconds(3)),
                ProgressListener.NONE);
        assertThat(r.findings()).extracting(Finding::check, Finding::outcome).containsExactly(
                tuple("x.slow", Outcome.PASS), tuple("x.late.a", Outcome.NOT_RUN), tuple("x.late.b", Outcome.NOT_RUN));
        assertThat(r.findings().get(1).message()).isEqualTo("global time budget of 3 s exhausted before this check");
    }
}
