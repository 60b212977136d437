package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.unpack.manifest.ContainerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Arcadyan-obfuscated sample (binwalk's test input): de-obfuscated, its LZMA stream decoded. */
@Tag("integration")
class ArcadyanTest {
    @TempDir
    Path tmp;

    @Test
    void theObfuscatedLzmaIsRestoredAndDecoded() throws Exception {
        Path img = Fixtures.samples().resolve("firmware/arcadyan_obfuscated.bin");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(img), img + " absent");
        UnpackResult r = Fixtures.unpack(img, tmp.resolve("out"));
        assertThat(r.containers()).extracting(ContainerRecord::format).startsWith("arcadyan").contains("lzma");
        assertThat(r.containers()).filteredOn(c -> c.format().equals("lzma")).first()
                .satisfies(c -> assertThat(c.offset()).isEqualTo(4));
        // the restored LZMA stream decodes to more than the image (a kernel / root file system image)
        assertThat(r.entries()).filteredOn(e -> e.path().contains("deobfuscated.bin.extracted/4-lzma/"))
                .anySatisfy(e -> assertThat(e.size()).isGreaterThan(Files.size(img)));
        // the decoded stream is read whole (2,813,252 bytes, end of stream reached, nothing cut)
        assertThat(r.entries()).filteredOn(e -> e.path().endsWith("4-lzma/data")).singleElement()
                .satisfies(e -> {
                    assertThat(e.size()).isEqualTo(2_813_252L);
                    assertThat(e.truncated()).isNotEqualTo(Boolean.TRUE);
                });
        // an old-binary cpio magic met by chance in the RTOS data (an entry with an empty name) is no archive
        assertThat(r.containers()).extracting(ContainerRecord::format).doesNotContain("cpio");
        assertThat(r.warnings()).noneMatch(w -> w.contains("cpio"));
    }
}
