package org.iotb.assess.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.model.Sha256;
import org.iotb.model.io.SafeOutput;

/**
 * Copies the files a lab record attaches into {@code OUTDIR/attachments/}, so the signed bundle holds them. Written
 * through {@link SafeOutput} (a new file renamed into place; never through a symbolic link or into something that
 * is not a real directory); each copy is hashed again and must match the hash the loader recorded, so the JSON
 * and the bundle agree even if a file changed in between.
 */
public final class LabAttachments {
    public static final String FOLDER = "attachments";

    private LabAttachments() {
    }

    /** Copies every attachment (each distinct name once); returns the files written. */
    public static List<Path> copyInto(LabRecord record, Path outDir) throws IOException {
        Map<String, LabObservation.Attachment> byName = new LinkedHashMap<>();
        for (LabObservation o : record.observations()) {
            o.attachments().forEach(a -> byName.putIfAbsent(a.file(), a));
        }
        List<Path> written = new ArrayList<>();
        for (LabObservation.Attachment a : byName.values()) {
            if (a.source() == null) {
                continue; // re-read from an assessment JSON: the file is already in its bundle
            }
            if (!Files.isRegularFile(a.source(), LinkOption.NOFOLLOW_LINKS)) {
                throw new LabRecordException("attachment " + a.source() + " is gone or no longer a regular file");
            }
            Path target = outDir.resolve(a.file());
            try (InputStream in = Files.newInputStream(a.source(), LinkOption.NOFOLLOW_LINKS)) {
                SafeOutput.write(target, out -> in.transferTo(out));
            }
            String sha = Sha256.of(target);
            if (!sha.equals(a.sha256())) {
                throw new LabRecordException("attachment " + a.source() + " changed while it was read (sha256 " + sha
                        + ", recorded " + a.sha256() + ")");
            }
            written.add(target);
        }
        return written;
    }
}
