package org.iotb.fs.flash.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian tools that build reference images; a test skips when the tool is missing. */
public final class Tools {
    private Tools() {
    }

    public static Path find(String tool, String debianPackage) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin", "/usr/local/sbin")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        assumeTrue(false, tool + " not installed (Debian package " + debianPackage + "); test skipped");
        return null;
    }

    /** Runs a command; fails the test with its output when it does not exit 0 within a minute. */
    public static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout: " + cmd);
        }
        String text = new String(out);
        if (p.exitValue() != 0) {
            throw new IOException(cmd + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    /** The shared sample folder, or a skipped test when it is absent. */
    public static Path samples() {
        String prop = System.getProperty("IOTB_SAMPLES", System.getenv("IOTB_SAMPLES"));
        Path p = prop != null ? Path.of(prop) : Path.of("../../shared/samples");
        assumeTrue(Files.isDirectory(p), "sample folder " + p.toAbsolutePath() + " absent (set IOTB_SAMPLES); test skipped");
        return p;
    }

    public static Path sample(String relative) {
        Path p = samples().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "sample " + relative + " absent; test skipped");
        return p;
    }
}
