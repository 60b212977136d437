package org.iotb.sbom.pkgdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotb.sbom.Component;
import org.iotb.sbom.ComponentSource;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageDatabasesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1:1.2.13.dfsg-1, 1.2.13", "2.90-4~deb12u2, 2.90", "1:9.2p1-2+deb12u10, 9.2p1", "2.9.14+dfsg-1.3~deb12u6, 2.9.14",
        "1.3.8+dfsg-4+deb12u5, 1.3.8", "3.0.20-1~deb12u2, 3.0.20", "2022.82-2, 2022.82", "1.1.1w-1, 1.1.1w",
        "3.0.8-r0, 3.0.8", "1.35.0, 1.35.0", "2:4.17.12+dfsg-0+deb12u4, 4.17.12"
    })
    void upstreamVersion(String packageVersion, String upstream) {
        assertThat(PackageRecord.upstream(packageVersion)).isEqualTo(upstream);
    }

    @Test
    void dpkgStatusSkipsRemovedPackagesAndMapsBinaryToComponent(@TempDir Path root) throws IOException {
        Path status = root.resolve("var/lib/dpkg/status");
        Files.createDirectories(status.getParent());
        Files.writeString(status, """
                Package: libssl3
                Status: install ok installed
                Priority: optional
                Section: libs
                Architecture: armhf
                Multi-Arch: same
                Source: openssl
                Version: 3.0.11-1~deb12u2
                Description: Secure Sockets Layer toolkit - shared libraries
                 This package is part of the OpenSSL project's implementation of the SSL
                 and TLS cryptographic protocols for secure communication over the Internet.

                Package: dropbear-bin
                Status: deinstall ok config-files
                Architecture: armhf
                Source: dropbear
                Version: 2022.83-1+deb12u1

                Package: tzdata
                Status: install ok installed
                Architecture: all
                Version: 2024a-0+deb12u1
                """);
        Sbom sbom = new SbomBuilder().build(root, SbomOptions.defaults());
        assertThat(sbom.components()).extracting(Component::id).containsExactlyInAnyOrder("openssl", "pkg:tzdata");
        Component ssl = sbom.components().stream().filter(c -> c.id().equals("openssl")).findFirst().orElseThrow();
        assertThat(ssl.version()).isEqualTo("3.0.11");
        assertThat(ssl.packageVersion()).isEqualTo("3.0.11-1~deb12u2");
        assertThat(ssl.cpe()).isEqualTo("cpe:2.3:a:openssl:openssl:3.0.11:*:*:*:*:*:*:*");
        assertThat(ssl.source()).isEqualTo(ComponentSource.PACKAGE_DB);
        assertThat(ssl.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("var/lib/dpkg/status");
            assertThat(e.line()).isEqualTo(1);
        });
        Component tz = sbom.components().stream().filter(c -> c.id().equals("pkg:tzdata")).findFirst().orElseThrow();
        // no os-release here: the "+deb12u1" revision names the Debian release
        assertThat(tz.purl()).isEqualTo("pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12");
        assertThat(tz.distro()).isEqualTo("debian:12");
        assertThat(ssl.distro()).isEqualTo("debian:12");
        assertThat(ssl.distroPackage()).isEqualTo("openssl");
        assertThat(tz.cpe()).isNull();
    }

    @Test
    void opkgStatusAndInfoControlFilesOfAnOpenWrtImage(@TempDir Path root) throws IOException {
        Path status = root.resolve("usr/lib/opkg/status");
        Files.createDirectories(status.getParent().resolve("info"));
        Files.writeString(status, """
                Package: busybox
                Version: 1.30.1-6
                Depends: libc
                Status: install user installed
                Architecture: mips_24kc
                Conffiles:
                 /etc/syslog.conf 0d4e4e2dd3b1a4a2f0a8e4b0a0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9
                Installed-Time: 1590000000

                Package: dropbear
                Version: 2019.78-2
                Depends: libc
                Status: install user installed
                Architecture: mips_24kc
                Installed-Time: 1590000000
                """);
        // OpenWrt keeps a .control file per package too; the same package must not be listed twice
        Files.writeString(root.resolve("usr/lib/opkg/info/dropbear.control"), """
                Package: dropbear
                Version: 2019.78-2
                Depends: libc
                Source: package/network/services/dropbear
                SourceName: dropbear
                Architecture: mips_24kc
                """);
        Files.writeString(root.resolve("usr/lib/opkg/info/libopenssl1.1.control"), """
                Package: libopenssl1.1
                Version: 1.1.1i-1
                Depends: libc
                Source: package/libs/openssl
                Architecture: mips_24kc
                """);
        Sbom sbom = new SbomBuilder().build(root, SbomOptions.defaults());
        assertThat(sbom.components()).extracting(c -> c.id() + " " + c.version())
                .containsExactlyInAnyOrder("busybox 1.30.1", "dropbear 2019.78", "openssl 1.1.1i");
        assertThat(sbom.components()).allSatisfy(c -> assertThat(c.purl()).startsWith("pkg:generic/"));
    }

    @Test
    void apkInstalledDatabase(@TempDir Path root) throws IOException {
        Path db = root.resolve("lib/apk/db/installed");
        Files.createDirectories(db.getParent());
        Files.writeString(db, """
                C:Q1abc=
                P:musl
                V:1.2.4-r2
                A:aarch64
                o:musl

                C:Q1def=
                P:libcrypto3
                V:3.1.4-r5
                A:aarch64
                o:openssl
                """);
        Sbom sbom = new SbomBuilder().build(root, SbomOptions.defaults());
        assertThat(sbom.components()).extracting(c -> c.id() + " " + c.version())
                .containsExactlyInAnyOrder("musl 1.2.4", "openssl 3.1.4");
    }

    @Test
    void statusFileThatIsASymlinkIsNotFollowed(@TempDir Path tmp) throws IOException {
        Path outside = tmp.resolve("outside-status");
        Files.writeString(outside, "Package: secret\nStatus: install ok installed\nVersion: 1.0\n");
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.createSymbolicLink(root.resolve("var/lib/dpkg/status"), outside);
        List<PackageRecord> records = new PackageDatabases().read(root);
        assertThat(records).isEmpty();
    }
}
