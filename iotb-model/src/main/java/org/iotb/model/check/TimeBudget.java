package org.iotb.model.check;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The overall time a run of checks may take. The runner starts no check once it is exhausted; the checks it did
 * not start are reported {@code not-run} with {@link #exhaustedReason()}. The budget may have started before the
 * checks (a device scan's budget also covers its port scan), hence the clock is a supplier.
 *
 * @param total    the whole budget, named in the not-run reason
 * @param expired  true once the budget is used up
 */
public record TimeBudget(Duration total, BooleanSupplier expired) {
    private static final TimeBudget UNLIMITED = new TimeBudget(null, () -> false);

    /** No overall limit (firmware and SBOM checks: each check is bounded on its own). */
    public static TimeBudget unlimited() {
        return UNLIMITED;
    }

    /** A budget of {@code total} that starts now. */
    public static TimeBudget startingNow(Duration total) {
        long end = System.nanoTime() + total.toNanos();
        return new TimeBudget(total, () -> System.nanoTime() - end >= 0);
    }

    public boolean exhausted() {
        return expired.getAsBoolean();
    }

    /** The message of the not-run findings of checks not started. */
    public String exhaustedReason() {
        return "global time budget of " + (total == null ? "?" : total.toSeconds()) + " s exhausted before this check";
    }
}
