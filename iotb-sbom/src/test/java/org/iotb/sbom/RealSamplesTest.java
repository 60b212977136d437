package org.iotb.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real vendor binaries and images from ../shared/samples (or $IOTB_SAMPLES / -DIOTB_SAMPLES): the router
 * BusyBox builds and the boot loader inside a real TP-Link image must be identified with the right versions,
 * and nothing else may be invented from the other ~250 files. Skips when the samples are absent.
 */
@Tag("integration")
class RealSamplesTest {
    static Path samples() {
        String p = System.getProperty("IOTB_SAMPLES", System.getenv("IOTB_SAMPLES"));
        return p != null ? Path.of(p) : Path.of("..", "..", "shared", "samples");
    }

    @Test
    void routerBinariesAndVendorImage() throws IOException {
        Path s = samples();
        assumeTrue(Files.isDirectory(s.resolve("elf")) && Files.isDirectory(s.resolve("firmware")),
                "samples folder " + s.toAbsolutePath() + " absent: skipped");
        Sbom sbom = new SbomBuilder().build(s, SbomOptions.of("samples", null));
        List<String> found = sbom.components().stream().map(c -> c.id() + " " + c.version()).toList();
        assertThat(found).contains("busybox 1.19.4", "busybox 1.31.0");
        if (Files.exists(s.resolve("firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin"))) {
            assertThat(sbom.components()).anySatisfy(c -> {
                assertThat(c.id() + " " + c.version()).isEqualTo("u-boot 1.1.4");
                assertThat(c.evidence().get(0).path()).isEqualTo("firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin");
                assertThat(c.evidence().get(0).excerpt()).startsWith("U-Boot 1.1.4 (");
            });
        }
        assertThat(sbom.components()).allSatisfy(c -> assertThat(c.id()).isIn("busybox", "u-boot"));
        Component bb = sbom.components().stream().filter(c -> "1.19.4".equals(c.version())).findFirst().orElseThrow();
        assertThat(bb.evidence().get(0).path()).isEqualTo("elf/router_busybox_mips32be_uclibc");
        assertThat(bb.cpe()).isEqualTo("cpe:2.3:a:busybox:busybox:1.19.4:*:*:*:*:*:*:*");
    }
}
