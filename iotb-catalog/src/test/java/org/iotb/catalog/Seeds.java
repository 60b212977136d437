package org.iotb.catalog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The three baseline documents (text extractions) in ../shared/seeds, used by spot-check tests. A user's clone
 * has no ../shared: the tests that need them then skip with a message.
 */
final class Seeds {
    private Seeds() {
    }

    static Path dir() {
        String env = System.getenv("IOTB_SEEDS");
        Path p = env != null ? Path.of(env) : Path.of("..", "..", "shared", "seeds").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(p), "baseline documents not found at " + p + " (set IOTB_SEEDS); spot checks skipped");
        return p;
    }

    /** The seed whose text contains {@code marker} (file names are opaque hashes). */
    static String text(String marker) throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("\\d{3}_.*\\.txt")).toList()) {
                String t = Files.readString(f, StandardCharsets.UTF_8);
                if (t.contains(marker)) {
                    return t;
                }
            }
        }
        assumeTrue(false, "no seed document contains '" + marker + "'");
        return null;
    }
}
