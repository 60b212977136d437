package org.iotb.pipeline.stage;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.model.Sha256;
import org.iotb.model.Tool;

/**
 * Which pipeline made a stage output, as far as its keys are concerned: the tool version and, for a development
 * version ({@code -SNAPSHOT}), the SHA-256 of the jar the pipeline runs from — every build of a snapshot has the
 * same version but may decide differently, and a stored output must never outlive the code that made it. Run from
 * class directories (the tests, an IDE) a snapshot has only its version: use a fresh store after changing the code.
 * Computed once per JVM (hashing the fat jar takes a fraction of a second).
 */
public final class BuildIdentity {
    private static String current;

    private BuildIdentity() {
    }

    public static synchronized String current() {
        if (current == null) {
            current = of(Tool.version(), codeSource());
        }
        return current;
    }

    static String of(String version, Path jar) {
        if (!version.endsWith("-SNAPSHOT") || jar == null) {
            return version;
        }
        try {
            return version + "+" + Sha256.of(jar);
        } catch (IOException e) {
            return version;
        }
    }

    /** The jar this class was loaded from, or null when it is not a jar file. */
    private static Path codeSource() {
        try {
            var source = BuildIdentity.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
