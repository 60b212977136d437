package org.iotb.firmware.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Locates real test inputs (shared samples, Debian binaries) and skips cleanly when they are unavailable. */
public final class TestInputs {
    private TestInputs() {
    }

    /** ../../shared/samples (or IOTB_SAMPLES); skips the test when absent. */
    public static Path samples() {
        String prop = System.getProperty("IOTB_SAMPLES", System.getenv("IOTB_SAMPLES"));
        Path p = prop != null ? Path.of(prop) : Path.of("../../shared/samples");
        assumeTrue(Files.isDirectory(p), "shared samples folder not found at " + p.toAbsolutePath()
                + " (set IOTB_SAMPLES); skipping");
        return p;
    }

    /** Whether a command exists on PATH. */
    public static boolean hasTool(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public static void requireTools(String... tools) {
        for (String t : tools) {
            assumeTrue(hasTool(t), "tool '" + t + "' not installed; skipping");
        }
    }

    /**
     * Real Debian binaries of several architectures, unpacked by scripts/fetch-debian-binaries.sh into a cache
     * that outlives `mvn clean` and fresh clones (~/.cache/iotb/debian-binaries, or IOTB_DEBIAN_CACHE); skips
     * when they are not cached and cannot be downloaded.
     */
    public static Path debianBinaries() throws IOException, InterruptedException {
        String prop = System.getProperty("IOTB_DEBIAN_CACHE", System.getenv("IOTB_DEBIAN_CACHE"));
        Path cache = prop != null ? Path.of(prop)
                : Path.of(System.getProperty("user.home"), ".cache", "iotb", "debian-binaries");
        Path script = Path.of("../scripts/fetch-debian-binaries.sh");
        assumeTrue(Files.isRegularFile(script), "fetch script missing: " + script);
        requireTools("apt-get", "dpkg-deb");
        Files.createDirectories(cache);
        Path log = cache.resolve("fetch.log");
        Process p = new ProcessBuilder(List.of("bash", script.toString(), cache.toString(),
                "armhf", "arm64", "mipsel", "i386", "mips64el", "armel"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(240, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assumeTrue(done && p.exitValue() == 0, "cannot download Debian binaries (see " + log.toAbsolutePath()
                + "); skipping");
        return cache;
    }

    /** Runs a command, returns stdout; fails the test on timeout. */
    public static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout: " + cmd);
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
