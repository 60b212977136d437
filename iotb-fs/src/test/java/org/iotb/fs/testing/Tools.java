package org.iotb.fs.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Debian reference tools; tests skip (not fail) when a tool is not installed. */
public final class Tools {
    private Tools() {
    }

    public static void require(String tool, String debianPackage) {
        boolean found = false;
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                found = true;
            }
        }
        assumeTrue(found, tool + " not installed (Debian package " + debianPackage + "); test skipped");
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a command, fails with its output when it exits non-zero. Returns stdout+stderr. */
    public static String run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout: " + cmd);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("command failed (" + p.exitValue() + "): " + cmd + "\n" + text);
        }
        return text;
    }

    public static String run(String... cmd) throws IOException, InterruptedException {
        return run(List.of(cmd));
    }
}
