package org.iotb.sbom.distro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iotb.sbom.pkgdb.PackageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistroDetectionTest {
    @Test
    void debianOsReleaseGivesReleaseAndCodename(@TempDir Path root) throws IOException {
        write(root, "etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
                + "VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n");
        Distro d = DistroDetector.detect(root).orElseThrow();
        assertThat(d.key()).isEqualTo("debian:12");
        assertThat(d.codename()).isEqualTo("bookworm");
        assertThat(d.purlQualifier()).isEqualTo("debian-12");
    }

    @Test
    void debianVersionFileAloneGivesTheMajorRelease(@TempDir Path root) throws IOException {
        write(root, "etc/debian_version", "12.7\n");
        assertThat(DistroDetector.detect(root).orElseThrow().key()).isEqualTo("debian:12");
    }

    @Test
    void openWrtAndAlpineAreRecognised(@TempDir Path a, @TempDir Path b) throws IOException {
        write(a, "etc/openwrt_release", "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='18.06.2'\n");
        assertThat(DistroDetector.detect(a).orElseThrow().key()).isEqualTo("openwrt:18.06.2");
        write(b, "etc/alpine-release", "3.18.4\n");
        assertThat(DistroDetector.detect(b).orElseThrow().key()).isEqualTo("alpine:3.18");
    }

    @Test
    void nothingKnownIsNothing(@TempDir Path root) {
        assertThat(DistroDetector.detect(root)).isEmpty();
    }

    @Test
    void bannersNameTheDistributionBuild() {
        DistroBanner glibc = DistroBanner.parse("GNU C Library (Debian GLIBC 2.36-9+deb12u14) stable release version "
                + "2.36.").orElseThrow();
        assertThat(glibc.distro().key()).isEqualTo("debian:12");
        assertThat(glibc.revision()).isEqualTo("2.36-9+deb12u14");
        DistroBanner ssl = DistroBanner.parse("OpenSSL 3.0.11 19 Sep 2023 3.0.11-1~deb12u2").orElseThrow();
        assertThat(ssl.distro().key()).isEqualTo("debian:12");
        assertThat(ssl.revision()).isEqualTo("3.0.11-1~deb12u2");
        DistroBanner ubuntu = DistroBanner.parse("GNU C Library (Ubuntu GLIBC 2.35-0ubuntu3.8) stable").orElseThrow();
        assertThat(ubuntu.distro().key()).isEqualTo("ubuntu");
        assertThat(DistroBanner.parse("OpenSSH_9.2p1 Debian-2, OpenSSL").orElseThrow().distro().key())
                .isEqualTo("debian");
        assertThat(DistroBanner.parse("GNU C Library (GNU libc) stable release version 2.31.")).isEmpty();
        assertThat(DistroBanner.parse("BusyBox v1.36.1 (2023-11-07 18:53:09 UTC)")).isEmpty();
    }

    @Test
    void packageRecordsBelongToTheirPackageManagersDistribution() {
        PackageRecord libc = new PackageRecord("dpkg", "libc6", "2.36-9+deb12u4", "glibc", "armhf",
                "var/lib/dpkg/status", 1);
        // a vendor's own os-release (the example smart lock's ID=sl100) does not make Debian's packages its own
        assertThat(PackageDistro.of(libc, Optional.of(new Distro("sl100", null, null))).key()).isEqualTo("debian:12");
        assertThat(PackageDistro.of(libc, Optional.of(new Distro("debian", "12", null))).key()).isEqualTo("debian:12");
        assertThat(PackageDistro.of(libc, Optional.of(new Distro("ubuntu", "22.04", null))).key())
                .isEqualTo("ubuntu:22.04");
        PackageRecord sid = new PackageRecord("dpkg", "libc6", "2.37-12", "glibc", "armhf", "var/lib/dpkg/status", 1);
        assertThat(PackageDistro.of(sid, Optional.empty()).key()).isEqualTo("debian"); // release unknown
        PackageRecord opkg = new PackageRecord("opkg", "dropbear", "2019.78-2", null, "mips_24kc",
                "usr/lib/opkg/status", 1);
        assertThat(PackageDistro.of(opkg, Optional.empty()).key()).isEqualTo("openwrt");
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Files.createDirectories(root.resolve(rel).getParent());
        Files.writeString(root.resolve(rel), text);
    }
}
