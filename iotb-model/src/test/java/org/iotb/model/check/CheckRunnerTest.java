package org.iotb.model.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
    /** A check over a String context owning {@code ids}; {@code body} decides what it does. */
    private record TestCheck(String name, List<String> checkIds, Body body) implements Check<String> {
        @Override
        public List<Finding> run(String context) throws Exception {
            return body.run(context, this);
        }
    }

    private interface Body {
        List<Finding> run(String context, TestCheck self) throws Exception;
    }

    private static TestCheck passing(String id, long sleepMillis) {
        return new TestCheck(id, List.of(id), (ctx, self) -> {
            Thread.sleep(sleepMillis);
            return List.of(Finding.pass(id, "looked at " + ctx, List.of()));
        });
    }

    @Test
    void findingsComeInCheckOrderWhateverFinishesFirst() {
        List<TestCheck> checks = List.of(passing("a.slow", 150), passing("b.fast", 0), passing("c.mid", 50));
        CheckRunner.Result r = CheckRunner.sequential().withThreads(3).run(checks, "tree");
        assertThat(r.findings()).extracting(Finding::check).containsExactly("a.slow", "b.fast", "c.mid");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.message()).isEqualTo("looked at tree"));
        assertThat(r.millis()).containsOnlyKeys("a.slow", "b.fast", "c.mid");
        assertThat(r.millis().get("a.slow")).isGreaterThanOrEqualTo(140);
    }

    @Test
    void aThrowingCheckYieldsOneErrorPerOwnedIdSayingWhyAndTheOthersStillRun() {
        TestCheck boom = new TestCheck("tls", List.of("net.tls.a", "net.tls.b"), (ctx, self) -> {
            throw new IllegalStateException("handshake parser broke");
        });
        TestCheck deep = new TestCheck("deep", List.of("x.deep"), (ctx, self) -> recurse(1));
        for (CheckRunner runner : List.of(CheckRunner.sequential(), CheckRunner.sequential().withThreads(2))) {
            CheckRunner.Result r = runner.run(List.of(boom, passing("x.after", 0), deep), "device");
            assertThat(r.findings()).extracting(Finding::check, Finding::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("net.tls.a", Outcome.ERROR),
                    org.assertj.core.groups.Tuple.tuple("net.tls.b", Outcome.ERROR),
                    org.assertj.core.groups.Tuple.tuple("x.after", Outcome.PASS),
                    org.assertj.core.groups.Tuple.tuple("x.deep", Outcome.ERROR));
            assertThat(r.findings().get(0).message())
                    .isEqualTo("tls failed: java.lang.IllegalStateException: handshake parser broke");
            assertThat(r.findings().get(3).message()).startsWith("deep failed: java.lang.StackOverflowError");
        }
    }

    private static List<Finding> recurse(int n) {
        return n == 0 ? List.of() : recurse(n + 1);
    }

    @Test
    void aCheckOverrunningItsTimeIsCancelledAndReportedAsError() {
        AtomicBoolean interrupted = new AtomicBoolean();
        TestCheck hang = new TestCheck("fw.hang", List.of("fw.hang"), (ctx, self) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return List.of();
        });
        long t0 = System.nanoTime();
        CheckRunner.Result r = CheckRunner.sequential().withThreads(2).withCheckTimeout(Duration.ofMillis(300))
                .run(List.of(hang, passing("fw.ok", 0)), "tree");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
        assertThat(r.findings()).extracting(Finding::check, Finding::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fw.hang", Outcome.ERROR),
                org.assertj.core.groups.Tuple.tuple("fw.ok", Outcome.PASS));
        assertThat(r.findings().get(0).message()).isEqualTo("fw.hang timed out after 0 s");
    }

    @Test
    void checksNotStartedBeforeTheBudgetRanOutAreNotRunWithTheReason() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean spent = new AtomicBoolean();
        TestCheck first = new TestCheck("first", List.of("d.first"), (ctx, self) -> {
            ran.add(self.name());
            spent.set(true); // the budget runs out while the first check runs
            return List.of(Finding.pass("d.first", "ok", List.of()));
        });
        TestCheck second = new TestCheck("second", List.of("d.second.a", "d.second.b"), (ctx, self) -> {
            ran.add(self.name());
            return List.of();
        });
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(30), spent::get);
        List<String> started = new ArrayList<>();
        CheckRunner.Result r = CheckRunner.sequential().withBudget(budget).withListener(c -> started.add(c.name()))
                .run(List.of(first, second), "device");
        assertThat(ran).containsExactly("first");
        assertThat(started).containsExactly("first");
        assertThat(r.findings()).extracting(Finding::check, Finding::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("d.first", Outcome.PASS),
                org.assertj.core.groups.Tuple.tuple("d.second.a", Outcome.NOT_RUN),
                org.assertj.core.groups.Tuple.tuple("d.second.b", Outcome.NOT_RUN));
        assertThat(r.findings().get(1).message()).isEqualTo("global time budget of 30 s exhausted before this check");
        assertThat(r.millis()).containsOnlyKeys("first");
    }

    @Test
    void anUnlimitedBudgetNeverExpiresAndAStartedBudgetDoes() throws InterruptedException {
        assertThat(TimeBudget.unlimited().exhausted()).isFalse();
        TimeBudget b = TimeBudget.startingNow(Duration.ofMillis(20));
        Thread.sleep(40);
        assertThat(b.exhausted()).isTrue();
    }
}
