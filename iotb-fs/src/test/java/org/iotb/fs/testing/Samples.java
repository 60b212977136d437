package org.iotb.fs.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real-sample folder (never copied into the project); tests skip when it is absent. */
public final class Samples {
    private Samples() {
    }

    public static Path dir() {
        String p = System.getProperty("IOTB_SAMPLES", System.getenv("IOTB_SAMPLES"));
        Path d = p != null ? Path.of(p) : Path.of("../../shared/samples");
        assumeTrue(Files.isDirectory(d), "sample folder " + d.toAbsolutePath() + " absent; set IOTB_SAMPLES");
        return d;
    }

    public static Path file(String rel) {
        Path f = dir().resolve(rel);
        assumeTrue(Files.isRegularFile(f), "sample " + f + " absent");
        return f;
    }
}
