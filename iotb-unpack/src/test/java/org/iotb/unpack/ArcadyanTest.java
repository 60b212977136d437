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
    }
}
