package org.iotb.model.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;

/**
 * The one policy by which checks run, whatever they read (firmware tree, SBOM, device):
 * <ul>
 *   <li>findings come back in the order of the checks given, whatever the parallelism (deterministic output);</li>
 *   <li>a check that throws yields one {@code error} finding per id it owns, saying why ({@code "<name> failed:
 *       <exception>"}); the other checks go on;</li>
 *   <li>a check that overruns its per-check time ({@link #withCheckTimeout}) yields {@code error} findings
 *       ({@code "<name> timed out after N s"}) and is cancelled;</li>
 *   <li>a check not started before the overall {@link TimeBudget} ran out, or not started within its per-check
 *       time because every worker was busy, yields {@code not-run} findings with the reason.</li>
 * </ul>
 * With one thread and no per-check time the checks run one after the other in the caller's thread.
 * Instances are immutable; the {@code with…} methods return changed copies.
 */
public final class CheckRunner {
    /** Told when a check starts (progress display); called from the worker thread. */
    public interface Listener {
        Listener NONE = check -> { };

        void started(Check<?> check);
    }

    /** The findings in check order and how long each check that ran took, by {@link Check#name()}. */
    public record Result(List<Finding> findings, Map<String, Long> millis) {
        public Result {
            findings = List.copyOf(findings);
            millis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(millis));
        }
    }

    private static final CheckRunner SEQUENTIAL = new CheckRunner(1, null, TimeBudget.unlimited(), Listener.NONE);

    private final int threads;
    private final Duration perCheck;
    private final TimeBudget budget;
    private final Listener listener;

    private CheckRunner(int threads, Duration perCheck, TimeBudget budget, Listener listener) {
        this.threads = Math.max(1, threads);
        this.perCheck = perCheck;
        this.budget = budget;
        this.listener = listener;
    }

    /** One check after the other in the caller's thread, no time limit. */
    public static CheckRunner sequential() {
        return SEQUENTIAL;
    }

    /** Up to {@code n} checks at once (never more threads than checks). */
    public CheckRunner withThreads(int n) {
        return new CheckRunner(n, perCheck, budget, listener);
    }

    /** The longest one check may take before it is cancelled and reported as an error. */
    public CheckRunner withCheckTimeout(Duration timeout) {
        return new CheckRunner(threads, timeout, budget, listener);
    }

    /** The overall budget: no check starts once it is exhausted. */
    public CheckRunner withBudget(TimeBudget overall) {
        return new CheckRunner(threads, perCheck, overall, listener);
    }

    public CheckRunner withListener(Listener l) {
        return new CheckRunner(threads, perCheck, budget, l);
    }

    public <C> Result run(List<? extends Check<? super C>> checks, C context) {
        Map<String, Long> millis = new ConcurrentHashMap<>();
        List<List<Finding>> perCheckFindings = threads == 1 && perCheck == null
                ? runInline(checks, context, millis) : runPooled(checks, context, millis);
        List<Finding> findings = new ArrayList<>();
        perCheckFindings.forEach(findings::addAll);
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (Check<?> c : checks) {
            Long ms = millis.get(c.name());
            if (ms != null) {
                ordered.put(c.name(), ms);
            }
        }
        return new Result(findings, ordered);
    }

    private <C> List<List<Finding>> runInline(List<? extends Check<? super C>> checks, C context,
                                              Map<String, Long> millis) {
        List<List<Finding>> out = new ArrayList<>();
        for (Check<? super C> c : checks) {
            out.add(runOne(c, context, millis, null, 0));
        }
        return out;
    }

    private <C> List<List<Finding>> runPooled(List<? extends Check<? super C>> checks, C context,
                                              Map<String, Long> millis) {
        AtomicLongArray startedAt = new AtomicLongArray(checks.size()); // 0: not started yet
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, checks.size())));
        try {
            List<Future<List<Finding>>> futures = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                Check<? super C> c = checks.get(i);
                int index = i;
                futures.add(pool.submit(() -> runOne(c, context, millis, startedAt, index)));
            }
            List<List<Finding>> out = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                out.add(await(checks.get(i), futures.get(i), startedAt, i));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one check under the policy; never throws for an exception or stack overflow of the check. */
    private <C> List<Finding> runOne(Check<? super C> c, C context, Map<String, Long> millis,
                                     AtomicLongArray startedAt, int index) {
        if (budget.exhausted()) {
            return notRun(c, budget.exhaustedReason());
        }
        long t0 = System.nanoTime();
        if (startedAt != null) {
            startedAt.set(index, t0 == 0 ? 1 : t0);
        }
        listener.started(c);
        try {
            List<Finding> r = c.run(context);
            return r == null ? List.of() : r;
        } catch (Exception | StackOverflowError e) {
            return errors(c, c.name() + " failed: " + e);
        } finally {
            millis.put(c.name(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private List<Finding> await(Check<?> c, Future<List<Finding>> f, AtomicLongArray startedAt, int index) {
        long waitingSince = System.nanoTime();
        while (true) {
            try {
                if (perCheck == null) {
                    return f.get();
                }
                long started = startedAt.get(index);
                long from = started == 0 ? waitingSince : started;
                return f.get(Math.max(0, from + perCheck.toNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long started = startedAt.get(index);
                long now = System.nanoTime();
                if (started != 0 && now - started >= perCheck.toNanos()) {
                    f.cancel(true);
                    return errors(c, c.name() + " timed out after " + perCheck.toSeconds() + " s");
                }
                if (started == 0 && now - waitingSince >= perCheck.toNanos() && f.cancel(false)) {
                    return notRun(c, "not started: every worker was busy for " + perCheck.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                return errors(c, "interrupted");
            } catch (ExecutionException e) {
                // runOne catches exceptions; what arrives here is an Error other than a stack overflow
                return errors(c, c.name() + " failed: " + e.getCause());
            } catch (java.util.concurrent.CancellationException e) {
                return errors(c, "cancelled");
            }
        }
    }

    private static List<Finding> errors(Check<?> c, String why) {
        return c.checkIds().stream().map(id -> Finding.of(id, Outcome.ERROR, why, List.of())).toList();
    }

    private static List<Finding> notRun(Check<?> c, String why) {
        return c.checkIds().stream().map(id -> Finding.notRun(id, why)).toList();
    }
}
