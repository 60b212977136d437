package org.iotb.sbom.distro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.sbom.Component;
import org.iotb.sbom.ComponentSource;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root file system nested where the unpacker writes it ({@code fw.bin.extracted/970956-squashfs/}): its opkg
 * status and release file are read as if it were the tree root, and the records keep their tree-relative path.
 * The records are those of OpenWrt 12.09.2's MR3020 image (usr/lib/opkg/status, etc/openwrt_release).
 */
class RootFilesystemsTest {
    @Test
    void nestedOpenWrtRootfsGivesPackagesWithDistroAndRevision(@TempDir Path dir) throws Exception {
        Path rootfs = dir.resolve("fw.bin.extracted/970956-squashfs");
        Files.createDirectories(rootfs.resolve("usr/lib/opkg"));
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("usr/lib/opkg/status"), "Package: kernel\n"
                + "Version: 3.3.8-1-d6597ebf6203328d3519ea3c3371a493\nDepends: \nProvides:\n"
                + "Status: install hold installed\nArchitecture: ar71xx\nInstalled-Time: 1450288228\n\n"
                + "Package: dropbear\nVersion: 2011.54-2\n"
                + "Depends: libc\nProvides:\nStatus: install user installed\nArchitecture: ar71xx\n"
                + "Installed-Time: 1450288229\n\n");
        Files.writeString(rootfs.resolve("etc/openwrt_release"), "DISTRIB_ID=\"OpenWrt_backports\"\n"
                + "DISTRIB_RELEASE=\"12.09.2\"\nDISTRIB_REVISION=\"r42647\"\nDISTRIB_CODENAME=\"attitude_adjustment\"\n");

        Sbom sbom = new SbomBuilder().build(dir, SbomOptions.of("fw.bin", null));
        Component dropbear = sbom.components().stream().filter(c -> c.id().equals("dropbear")).findFirst()
                .orElseThrow();
        assertThat(dropbear.source()).isEqualTo(ComponentSource.PACKAGE_DB);
        assertThat(dropbear.version()).isEqualTo("2011.54");
        assertThat(dropbear.packageVersion()).isEqualTo("2011.54-2");
        assertThat(dropbear.distro()).isEqualTo("openwrt:12.09.2");
        assertThat(dropbear.isDistroBuild()).isFalse(); // OpenWrt moves to new upstream releases
        assertThat(sbom.components()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo("linux-kernel");
            assertThat(c.version()).isEqualTo("3.3.8"); // not "3.3.8-1": the vermagic hash is not a revision
        });
        assertThat(dropbear.evidence().get(0).path()).isEqualTo("fw.bin.extracted/970956-squashfs/usr/lib/opkg/status");
    }
}
