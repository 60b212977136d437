package org.iotb.firmware;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.iotb.firmware.suppress.Suppressions;

/**
 * How to scan: {@code checks} restricts to these ids (empty = all), {@code threads} bounds the executor,
 * {@code bootEnv} is the U-Boot environment the unpacker extracted (may be empty), {@code suppressions}
 * may be {@link Suppressions#none()}, {@code crackBudget} bounds password cracking time, {@code updateFormat} is the
 * checksum-only vendor container the image given is wrapped in (null when none or unknown).
 */
public record FirmwareScanOptions(Set<String> checks, int threads, Map<String, String> bootEnv,
                                  Suppressions suppressions, Duration crackBudget, UpdateImageFormat updateFormat) {

    public FirmwareScanOptions(Set<String> checks, int threads, Map<String, String> bootEnv, Suppressions suppressions,
                               Duration crackBudget) {
        this(checks, threads, bootEnv, suppressions, crackBudget, null);
    }

    public FirmwareScanOptions {
        checks = checks == null ? Set.of() : Set.copyOf(checks);
        threads = threads <= 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
        bootEnv = bootEnv == null ? Map.of() : Map.copyOf(bootEnv);
        suppressions = suppressions == null ? Suppressions.none() : suppressions;
        crackBudget = crackBudget == null ? Duration.ofSeconds(20) : crackBudget;
    }

    public static FirmwareScanOptions defaults() {
        return new FirmwareScanOptions(Set.of(), 0, Map.of(), Suppressions.none(), null);
    }

    public FirmwareScanOptions withChecks(Set<String> ids) {
        return new FirmwareScanOptions(ids, threads, bootEnv, suppressions, crackBudget, updateFormat);
    }

    public FirmwareScanOptions withBootEnv(Map<String, String> env) {
        return new FirmwareScanOptions(checks, threads, env, suppressions, crackBudget, updateFormat);
    }

    public FirmwareScanOptions withSuppressions(Suppressions s) {
        return new FirmwareScanOptions(checks, threads, bootEnv, s, crackBudget, updateFormat);
    }

    public FirmwareScanOptions withThreads(int n) {
        return new FirmwareScanOptions(checks, n, bootEnv, suppressions, crackBudget, updateFormat);
    }

    /** The checksum-only container the image given is wrapped in; null for none. */
    public FirmwareScanOptions withUpdateFormat(UpdateImageFormat f) {
        return new FirmwareScanOptions(checks, threads, bootEnv, suppressions, crackBudget, f);
    }
}
