package org.iotb.sbom.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotb.sbom.Component;
import org.iotb.sbom.ComponentSource;
import org.iotb.sbom.Confidence;
import org.iotb.sbom.scan.Signature;
import org.iotb.sbom.scan.SignatureSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distribution builds judged by their distribution's own advisories (real Debian tracker and OSV Debian:12 records
 * of feeds/distro), vendor builds by upstream ranges.
 */
public class DistroMatchingTest {
    static Component component(String id, String version, String distro, String sourcePackage, String revision) {
        Signature s = SignatureSet.bundled().byId(id).orElseThrow();
        return new Component(id, s.name(), version, revision, s.purlFor(version), s.cpeFor(version), Confidence.HIGH,
                ComponentSource.SIGNATURE, List.of(), distro, sourcePackage);
    }

    public static Path feed(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = DistroMatchingTest.class.getResourceAsStream("/org/iotb/sbom/feeds/distro/" + name)) {
            Files.copy(in, f);
        }
        return f;
    }

    static Map<String, VulnMatch.Basis> bases(List<VulnMatch> ms) {
        return ms.stream().collect(Collectors.toMap(m -> m.vulnerability().cveId(), VulnMatch::basis, (a, b) -> a));
    }

    @Test
    void trackerExportIsDetectedAndKept(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        VulnDb.ImportRecord r = db.importFile(feed(tmp, "debian-tracker-bookworm.json"));
        assertThat(r.format()).isEqualTo("debian-tracker");
        assertThat(r.records()).isEqualTo(5);
        assertThat(r.kept()).isEqualTo(5);
        assertThat(VulnDb.open(tmp.resolve("store")).status().get("distro")).isEqualTo(5); // saved and reloaded
    }

    @Test
    void debianBuiltGlibcPastTheFixIsNotClaimed(@TempDir Path tmp) throws IOException {
        for (String feed : List.of("debian-tracker-bookworm.json", "osv-debian-12.json")) {
            VulnDb db = VulnDb.open(tmp.resolve("store-" + feed));
            db.importFile(feed(tmp, feed));
            // the case: banner "(Debian GLIBC 2.36-9+deb12u14)", fixed by Debian in 2.36-9+deb12u3
            List<VulnMatch> ms = db.assess(component("glibc", "2.36", "debian:12", null, "2.36-9+deb12u14"));
            VulnMatch m = ms.stream().filter(x -> x.vulnerability().cveId().equals("CVE-2023-4911")).findFirst()
                    .orElseThrow();
            assertThat(m.basis()).as(feed).isEqualTo(VulnMatch.Basis.DISTRO_FIXED);
            assertThat(m.claimed()).isFalse();
            assertThat(m.advisory().fixedVersion()).isEqualTo("2.36-9+deb12u3");
            // one revision before the fix: claimed, on the distribution's word
            assertThat(bases(db.assess(component("glibc", "2.36", "debian:12", "glibc", "2.36-9+deb12u2"))))
                    .containsEntry("CVE-2023-4911", VulnMatch.Basis.DISTRO_AFFECTED);
        }
    }

    @Test
    void curlDropbearAndBusyboxOfDebian12(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        db.importFile(feed(tmp, "debian-tracker-bookworm.json"));
        assertThat(bases(db.assess(component("curl", "7.88.1", "debian:12", "curl", "7.88.1-10+deb12u15"))))
                .containsEntry("CVE-2023-38545", VulnMatch.Basis.DISTRO_FIXED)
                .containsEntry("CVE-2023-38546", VulnMatch.Basis.DISTRO_FIXED);
        assertThat(bases(db.assess(component("curl", "7.88.1", "debian:12", "curl", "7.88.1-10+deb12u3"))))
                .containsEntry("CVE-2023-38545", VulnMatch.Basis.DISTRO_AFFECTED);
        assertThat(bases(db.assess(component("dropbear", "2022.83", "debian:12", "dropbear", "2022.83-1+deb12u3"))))
                .containsEntry("CVE-2023-48795", VulnMatch.Basis.DISTRO_FIXED);
        // BusyBox 1.35.0 is outside the upstream range of CVE-2022-48174, yet Debian patched it in deb12u1: an
        // older Debian revision is affected on Debian's word alone, the current one is not
        assertThat(bases(db.assess(component("busybox", "1.35.0", "debian:12", "busybox", "1:1.35.0-4"))))
                .containsEntry("CVE-2022-48174", VulnMatch.Basis.DISTRO_AFFECTED);
        assertThat(db.assess(component("busybox", "1.35.0", "debian:12", "busybox", "1:1.35.0-4+deb12u1+b1")))
                .noneMatch(VulnMatch::claimed);
    }

    @Test
    void distributionBuildWithoutAdvisoryIsUndecided(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        db.importFile(feed(tmp, "debian-tracker-bookworm.json"));
        // the release is unknown (a banner said Debian, nothing said which): Debian 12's word does not apply
        assertThat(bases(db.assess(component("glibc", "2.36", "debian", null, "2.36-9+deb12u14"))))
                .containsEntry("CVE-2023-4911", VulnMatch.Basis.BACKPORT_UNKNOWN);
        // no advisory imported at all
        assertThat(bases(VulnDb.bundled().assess(component("glibc", "2.36", "debian:12", null, "2.36-9+deb12u14"))))
                .containsEntry("CVE-2023-4911", VulnMatch.Basis.BACKPORT_UNKNOWN);
    }

    @Test
    void vendorBuildsKeepUpstreamMatching(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        db.importFile(feed(tmp, "debian-tracker-bookworm.json"));
        assertThat(bases(db.assess(component("glibc", "2.36", null, null, null))))
                .containsEntry("CVE-2023-4911", VulnMatch.Basis.UPSTREAM_RANGE);
        // an OpenWrt package carries its distribution but OpenWrt does not backport: upstream ranges decide
        assertThat(bases(db.assess(component("glibc", "2.36", "openwrt:23.05.2", null, "2.36-1"))))
                .containsEntry("CVE-2023-4911", VulnMatch.Basis.UPSTREAM_RANGE);
    }
}
