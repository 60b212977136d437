package org.iotb.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.Unpacker;
import org.iotb.unpack.UnpackResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SBOM of real vendor images, unpacked as `iotb sbom` unpacks them: old router components (BusyBox with a
 * two-part version, iptables 1.4, xl2tpd) and the boot loader the unpacker writes as a file named "data".
 */
@Tag("integration")
class VendorImagesTest {
    @TempDir
    Path out;

    private List<String> components(String image) throws Exception {
        Path p = RealSamplesTest.samples().resolve(image);
        assumeTrue(Files.isRegularFile(p), "sample " + p.toAbsolutePath() + " absent: skipped");
        UnpackResult r = new Unpacker().unpack(p, out, UnpackOptions.defaults());
        Sbom sbom = new SbomBuilder().build(r.extractedRoot(), SbomOptions.of(image, null));
        return sbom.components().stream().map(c -> c.id() + " " + c.version() + " @ "
                + c.evidence().get(0).path()).toList();
    }

    @Test
    void tpLinkWr841nHoldsBusyBox101Iptables145Xl2tpdAndUBootInData() throws Exception {
        List<String> c = components("firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin");
        assertThat(c).anyMatch(s -> s.startsWith("busybox 1.01 @ ") && s.endsWith("/bin/busybox"));
        assertThat(c).anyMatch(s -> s.startsWith("iptables 1.4.5 @ ") && s.endsWith("/sbin/iptables-multi"));
        assertThat(c).anyMatch(s -> s.startsWith("xl2tpd 1.1.12 @ ") && s.endsWith("/usr/sbin/xl2tpd"));
        assertThat(c).anyMatch(s -> s.startsWith("uclibc 0.9.30 @ "));
        // the second-stage U-Boot, LZMA-compressed inside a uImage: the unpacker names it "data"
        assertThat(c).anyMatch(s -> s.startsWith("u-boot 1.1.4 @ ") && s.endsWith("/0-lzma/data"));
        assertThat(c).noneMatch(s -> s.startsWith("uclibc null"));
    }

    @Test
    void totolinkN200reHoldsIptables14163AndXl2tpd1310() throws Exception {
        List<String> c = components("firmware/real-extra/totolink_n200re_v5_V9.3.5u.6437_B20230519.web");
        assertThat(c).anyMatch(s -> s.startsWith("busybox 1.24.2 @ "));
        assertThat(c).anyMatch(s -> s.startsWith("iptables 1.4.16.3 @ ") && s.endsWith("/bin/xtables-multi"));
        assertThat(c).anyMatch(s -> s.startsWith("xl2tpd 1.3.10 @ "));
    }
}
