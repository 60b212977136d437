package org.iotb.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.sbom.outdated.OutdatedRules;
import org.iotb.sbom.vuln.DistroMatchingTest;
import org.iotb.sbom.vuln.VulnDb;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Debian 12 armhf packages (libc6, curl, libcurl4, dropbear-bin, busybox) unpacked with {@code dpkg-deb -x}
 * into a tree with the dpkg status records of those very packages and Debian 12's os-release: with the real Debian
 * tracker records of feeds/distro imported, none of CVE-2023-4911, CVE-2023-38545/38546, CVE-2023-48795 and
 * CVE-2022-48174 is claimed, each named as fixed by the installed revision. The .debs come from
 * scripts/fetch-debian-binaries.sh (~/.cache/iotb/debian-binaries) or DebianGroundTruthTest's cache; the test skips
 * when neither has them.
 */
@Tag("integration")
class DebianDistroAwarenessTest {
    private static final List<String> PACKAGES = List.of("libc6", "curl", "libcurl4", "dropbear-bin", "busybox");
    private static final List<Path> CACHES = List.of(
            Path.of(System.getProperty("user.home"), ".cache", "iotb", "debian-binaries", "armhf", "debs"),
            Path.of(System.getProperty("user.home"), ".cache", "iotb", "sbom-debian-fixture", "debs"));

    @Test
    void debian12PackagesPastTheirFixesAreNotClaimed(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        StringBuilder status = new StringBuilder();
        for (String pkg : PACKAGES) {
            Optional<Path> deb = find(pkg);
            assumeTrue(deb.isPresent(), pkg + " armhf .deb not cached (run scripts/fetch-debian-binaries.sh): skipped");
            assumeTrue(run(List.of("dpkg-deb", "-x", deb.get().toString(), root.toString())).isPresent(),
                    "dpkg-deb not available: skipped");
            String control = run(List.of("dpkg-deb", "-f", deb.get().toString())).orElseThrow();
            // as dpkg writes an installed package into its status file: Status after Package
            status.append(control.replaceFirst("(?m)^(Package: .*)$", "$1\nStatus: install ok installed").strip())
                    .append("\n\n");
        }
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), status);
        Files.createDirectories(root.resolve("etc"));
        // base-files 12.4+deb12u* of Debian 12 writes this os-release
        Files.writeString(root.resolve("etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                + "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\n"
                + "ID=debian\nHOME_URL=\"https://www.debian.org/\"\n");

        Sbom sbom = new SbomBuilder().build(root, SbomOptions.of("debian12-armhf", "cd".repeat(32)));
        Map<String, Component> byId = sbom.components().stream()
                .collect(Collectors.toMap(Component::id, c -> c, (a, b) -> a));
        Component glibc = byId.get("glibc");
        assertThat(glibc.distro()).isEqualTo("debian:12");
        assertThat(glibc.distroPackage()).isEqualTo("glibc");
        assertThat(glibc.packageVersion()).startsWith("2.36-9+deb12u");
        assertThat(glibc.purl()).startsWith("pkg:deb/debian/libc6@2.36-9%2Bdeb12u").endsWith("?arch=armhf&distro=debian-12");
        assertThat(byId.get("dropbear").distroPackage()).isEqualTo("dropbear");
        assertThat(List.of("glibc", "curl", "dropbear", "busybox"))
                .allSatisfy(id -> assertThat(byId.get(id).distro()).as(id).isEqualTo("debian:12"));

        VulnDb db = VulnDb.open(tmp.resolve("store"));
        db.importFile(DistroMatchingTest.feed(tmp, "debian-tracker-bookworm.json"));
        List<Finding> vuln = new SbomChecks(db, OutdatedRules.bundled(), LocalDate.of(2026, 11, 1)).run(sbom).stream()
                .filter(f -> f.check().equals(SbomChecks.VULNERABLE)).toList();
        String claimed = vuln.stream().filter(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARNING)
                .map(Finding::message).collect(Collectors.joining("\n"));
        for (String cve : List.of("CVE-2023-4911", "CVE-2023-38545", "CVE-2023-38546", "CVE-2023-48795",
                "CVE-2022-48174")) {
            assertThat(claimed).as(cve).doesNotContain(cve);
        }
        String info = vuln.stream().filter(f -> f.outcome() == Outcome.INFO).map(Finding::message)
                .collect(Collectors.joining("\n"));
        assertThat(info).contains("CVE-2023-4911 fixed in Debian revision 2.36-9+deb12u3",
                "CVE-2023-38545 fixed in Debian revision 7.88.1-10+deb12u4",
                "CVE-2023-48795 fixed in Debian revision 2022.83-1+deb12u1");
    }

    private static Optional<Path> find(String pkg) throws IOException {
        for (Path dir : CACHES) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                Optional<Path> deb = s.filter(p -> p.getFileName().toString().startsWith(pkg + "_")
                        && p.getFileName().toString().endsWith("_armhf.deb")).findFirst();
                if (deb.isPresent()) {
                    return deb;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> run(List<String> cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
