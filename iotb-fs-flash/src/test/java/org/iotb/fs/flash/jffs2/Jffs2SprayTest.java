package org.iotb.fs.flash.jffs2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.UnpackResult;
import org.iotb.unpack.Unpacker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2.6 MB of the JFFS2 magic ({@code \x85\x19}: a candidate at every byte, both byte orders) in front of the real
 * root file system used to fill the engine's global candidate list (2,000,000) so that the scan ended before the
 * root file system: exit 0, nothing found. Candidates are now capped per format per region, so the tar behind
 * the spray is carved, and the manifest says a limit was hit.
 */
class Jffs2SprayTest {
    @TempDir
    Path tmp;

    @Test
    void aMagicSprayDoesNotHideTheRootFileSystemBehindIt() throws IOException {
        byte[] shadow = "root:$6$behind$spray:19000:0:99999:7:::\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        for (int i = 0; i < 1300 * 1024; i++) {
            image.write(0x85);
            image.write(0x19);
        }
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(image)) {
            TarArchiveEntry e = new TarArchiveEntry("etc/shadow");
            e.setSize(shadow.length);
            t.putArchiveEntry(e);
            t.write(shadow);
            t.closeArchiveEntry();
        }
        Path f = tmp.resolve("spray.bin");
        Files.write(f, image.toByteArray());
        UnpackResult r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new Unpacker().unpack(f, tmp.resolve("out"), UnpackOptions.builder().build()));
        assertThat(r.entries()).as("warnings: %s", r.warnings()).anyMatch(e -> e.path().endsWith("-tar/etc/shadow"));
        assertThat(r.manifest().stats()).containsKey("limitsHit");
        assertThat(r.warnings()).anyMatch(w -> w.contains("magic candidates") && w.contains("not tried"));
    }
}
