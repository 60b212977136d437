package org.iotb.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.iotb.model.Checks;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.sbom.outdated.OutdatedRules;
import org.iotb.sbom.vuln.VulnDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomChecksTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    List<Finding> run(Path root) throws IOException {
        Sbom sbom = new SbomBuilder().build(root, SbomOptions.of("router.bin", "ab".repeat(32)));
        return new SbomChecks(VulnDb.bundled(), OutdatedRules.bundled(), DAY).run(sbom);
    }

    @Test
    void oldRouterIsVulnerableAndOutdated(@TempDir Path dir) throws IOException {
        List<Finding> fs = run(TestTrees.oldRouter(dir));
        Finding inv = fs.stream().filter(f -> f.check().equals(SbomChecks.INVENTORY)).findFirst().orElseThrow();
        assertThat(inv.outcome()).isEqualTo(Outcome.INFO);
        assertThat(inv.message()).startsWith("5 components identified");
        assertThat((List<?>) inv.data().get("components")).hasSize(5);

        List<Finding> vuln = fs.stream().filter(f -> f.check().equals(SbomChecks.VULNERABLE)).toList();
        assertThat(vuln).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAIL));
        Finding ssl = vuln.stream().filter(f -> f.message().startsWith("OpenSSL 1.0.1f")).findFirst().orElseThrow();
        assertThat(ssl.message()).contains("CVE-2014-0160 (high)");
        assertThat(ssl.severity()).isEqualTo(Severity.HIGH);
        assertThat(ssl.evidence()).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("usr/lib/libcrypto.so.1.0.0"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cves = (List<Map<String, Object>>) ssl.data().get("vulnerabilities");
        assertThat(cves).extracting(m -> m.get("id")).contains("CVE-2014-0160", "CVE-2014-0224");
        Finding bb = vuln.stream().filter(f -> f.message().startsWith("BusyBox 1.19.4")).findFirst().orElseThrow();
        assertThat(bb.severity()).isEqualTo(Severity.CRITICAL); // CVE-2016-2148, 9.8
        assertThat(vuln).noneMatch(f -> f.message().startsWith("wolfSSL")); // version unknown: no accusation

        List<Finding> old = fs.stream().filter(f -> f.check().equals(SbomChecks.OUTDATED)).toList();
        assertThat(old).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .startsWith("OpenSSL 1.0.1f is on an outdated release line: release line 1.0.1 reached end of life"));
        assertThat(old).filteredOn(f -> f.message().startsWith("OpenSSL"))
                .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAIL)); // outdated and vulnerable
        assertThat(old).anySatisfy(f -> assertThat(f.message()).startsWith("Linux kernel 3.10.14"));
        // the findings serialise with the project's JSON settings
        assertThat(Json.mapper().writeValueAsString(fs)).contains("\"check\" : \"sbom.component-vulnerable\"");
    }

    @Test
    void currentComponentsPassAndSayWhatWasChecked(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("r");
        TestTrees.write(root.resolve("usr/sbin/dnsmasq"), "dnsmasq-2.90");
        TestTrees.write(root.resolve("usr/sbin/dropbear"), "SSH-2.0-dropbear_2024.86");
        List<Finding> fs = run(root);
        Finding v = fs.stream().filter(f -> f.check().equals(SbomChecks.VULNERABLE)).findFirst().orElseThrow();
        assertThat(v.outcome()).isEqualTo(Outcome.PASS);
        assertThat(v.message()).contains("dnsmasq 2.90", "Dropbear SSH 2024.86");
        Finding o = fs.stream().filter(f -> f.check().equals(SbomChecks.OUTDATED)).findFirst().orElseThrow();
        assertThat(o.outcome()).isEqualTo(Outcome.PASS);
        assertThat(o.message()).contains("dnsmasq 2.90");
    }

    @Test
    void distributionPackagesAreWarningsBecauseOfBackports(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("deb");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), """
                Package: openssh-server
                Status: install ok installed
                Source: openssh
                Version: 1:9.2p1-2+deb12u3
                """);
        Finding f = run(root).stream().filter(x -> x.check().equals(SbomChecks.VULNERABLE)).findFirst().orElseThrow();
        assertThat(f.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(f.message()).contains("CVE-2024-6387", "version in range; distro backport status unknown",
                "Debian 12 build 1:9.2p1-2+deb12u3");
        assertThat(f.message()).doesNotContain("high confidence");
        // the same version in a vendor's binary, with no distribution package record, is a failure
        Files.delete(root.resolve("var/lib/dpkg/status"));
        TestTrees.write(root.resolve("usr/sbin/sshd"), "OpenSSH_9.2p1");
        List<Finding> fs = run(root);
        assertThat(fs).filteredOn(x -> x.check().equals(SbomChecks.VULNERABLE))
                .anySatisfy(x -> assertThat(x.outcome()).isEqualTo(Outcome.FAIL));
    }

    @Test
    void debianGlibcBannerPastTheFixIsNotClaimed(@TempDir Path dir) throws IOException {
        // the case: a Debian 12 image whose glibc announces its Debian revision; Debian fixed CVE-2023-4911
        // in 2.36-9+deb12u3 (real tracker record, feeds/distro)
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n");
        TestTrees.write(root.resolve("lib/arm-linux-gnueabihf/libc.so.6"),
                "GNU C Library (Debian GLIBC 2.36-9+deb12u14) stable release version 2.36.");
        Sbom sbom = new SbomBuilder().build(root, SbomOptions.of("lock.bin", "ab".repeat(32)));
        Component glibc = sbom.components().stream().filter(c -> c.id().equals("glibc")).findFirst().orElseThrow();
        assertThat(glibc.distro()).isEqualTo("debian:12");
        assertThat(glibc.packageVersion()).isEqualTo("2.36-9+deb12u14");

        // without Debian's advisories: a warning, never a high-confidence fail
        List<Finding> before = new SbomChecks(VulnDb.bundled(), OutdatedRules.bundled(), DAY).run(sbom);
        Finding warn = before.stream().filter(f -> f.check().equals(SbomChecks.VULNERABLE)
                && f.message().startsWith("GNU C Library")).findFirst().orElseThrow();
        assertThat(warn.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(warn.message()).contains("CVE-2023-4911", "version in range; distro backport status unknown");

        // with the Debian tracker imported: not claimed, named as fixed by the installed revision
        VulnDb db = VulnDb.open(dir.resolve("store"));
        db.importFile(org.iotb.sbom.vuln.DistroMatchingTest.feed(dir, "debian-tracker-bookworm.json"));
        List<Finding> after = new SbomChecks(db, OutdatedRules.bundled(), DAY).run(sbom);
        List<Finding> glibcFindings = after.stream().filter(f -> f.check().equals(SbomChecks.VULNERABLE)
                && f.message().startsWith("GNU C Library")).toList();
        assertThat(glibcFindings).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.INFO);
            assertThat(f.message()).contains("CVE-2023-4911 fixed in Debian revision 2.36-9+deb12u3");
        });
        assertThat(after).filteredOn(f -> f.check().equals(SbomChecks.VULNERABLE))
                .noneMatch(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARNING);
    }

    @Test
    void nothingIdentifiedIsNotRunNotPass(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("empty/etc"));
        Files.writeString(dir.resolve("empty/etc/hostname"), "router\n");
        List<Finding> fs = run(dir.resolve("empty"));
        assertThat(fs).filteredOn(f -> !f.check().equals(SbomChecks.INVENTORY))
                .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.NOT_RUN));
    }

    @Test
    void descriptorsAreRegisteredThroughTheServiceLoader() {
        assertThat(Checks.find(SbomChecks.INVENTORY)).isPresent();
        assertThat(Checks.find(SbomChecks.VULNERABLE)).get().satisfies(d -> assertThat(d.remediation()).isNotBlank());
        assertThat(Checks.find(SbomChecks.OUTDATED)).isPresent();
    }

    @Test
    void everyIdTheChecksCanReportHasASbomDescriptorAndViceVersa() {
        List<String> ids = new SbomChecks(VulnDb.bundled()).checks().stream()
                .flatMap(c -> c.checkIds().stream()).toList();
        assertThat(new SbomCheckCatalog().checks()).allSatisfy(d -> assertThat(d.source()).isEqualTo("sbom"))
                .extracting(d -> d.id()).containsExactlyInAnyOrderElementsOf(ids);
    }
}
