package org.iotb.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.iotb.model.Sha256;

/**
 * SHA-256 of input files, recorded so a report can be tied to exactly what was assessed. A thin class on purpose:
 * the one image-hash utility of the project may replace its body.
 */
public final class Hashing {
    private Hashing() {
    }

    public static String sha256(Path file) throws IOException {
        return Sha256.of(file);
    }
}
