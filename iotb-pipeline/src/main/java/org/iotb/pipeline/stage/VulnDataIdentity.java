package org.iotb.pipeline.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.iotb.model.Sha256;
import org.iotb.sbom.vuln.VulnDb;

/**
 * The identity of a vulnerability store's data, for the match stage's key: the SHA-256 of each of its data files
 * ({@link VulnDb#STORE_FILES}: records per source, distribution advisories, KEV, EPSS and the import log, which
 * dates every source), read without loading the store — a run whose every stage is stored never parses the feeds.
 * The bundled starter set is part of the pipeline's build, so {@link BuildIdentity} covers it. Any import, even
 * of one record, changes the identity; so does an import that changes nothing but the log (a harmless re-run).
 */
public final class VulnDataIdentity {
    private VulnDataIdentity() {
    }

    /** @param store the store directory (null: {@code $IOTB_VULNDB} or the user's default, as the pipeline opens it) */
    public static String of(Path store) throws IOException {
        Path dir = store != null ? store : VulnDb.defaultStore();
        StringBuilder text = new StringBuilder("vulndb\n");
        for (String name : VulnDb.STORE_FILES) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                text.append(name).append(' ').append(Sha256.of(f)).append('\n');
            }
        }
        return Sha256.of(text.toString());
    }
}
