package org.iotb.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.iotb.firmware.tree.FileTree;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.sbom.applicability.Applicability;
import org.iotb.sbom.applicability.ApplicabilityJudge;
import org.iotb.sbom.outdated.OutdatedRules;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.UnpackResult;
import org.iotb.unpack.Unpacker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code evidence on real binaries: Debian 12 armhf packages unpacked without a dpkg status (as a vendor copies them
 * into a firmware), the real kernel configuration of Debian's linux-image-*-armmp, and the old router images of
 * ../shared/samples. The .debs come from scripts/fetch-debian-binaries.sh (~/.cache/iotb/debian-binaries; the kernel
 * with IOTB_DEBIAN_PKGS=linux-image-6.1.0-57-armmp); each test skips when its input is absent.
 */
@Tag("integration")
class CodeEvidenceRealBinariesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final List<Path> CACHES = List.of(
            Path.of(System.getProperty("user.home"), ".cache", "iotb", "debian-binaries", "armhf", "debs"),
            Path.of(System.getProperty("user.home"), ".cache", "iotb", "sbom-debian-fixture", "debs"));

    @TempDir
    Path tmp;

    @Test
    void debian12BinariesWithoutDpkgStatusAreUndecidedOrDecidedByTheirCodeNeverClaimed() throws Exception {
        Path root = tmp.resolve("root");
        for (String pkg : List.of("libc6", "curl", "libcurl4", "dropbear-bin", "busybox", "hostapd")) {
            Path deb = deb(pkg + "_");
            assumeTrue(run(List.of("dpkg-deb", "-x", deb.toString(), root.toString())).isPresent(),
                    "dpkg-deb not available: skipped");
        }
        FileTree tree = FileTree.index(root);
        Sbom sbom = new SbomBuilder().build(tree, SbomOptions.of("debian12-armhf-binaries", null));
        List<Finding> vuln = new SbomChecks(VulnDb.bundled(), OutdatedRules.bundled(), DAY).withCodeEvidence(tree)
                .run(sbom).stream().filter(f -> f.check().equals(SbomChecks.VULNERABLE)).toList();

        assertThat(vuln).noneMatch(f -> f.outcome() == Outcome.FAIL);
        // curl announces only "curl 7.88.1": its multiarch library directory makes it a Debian build, revision unknown
        assertThat(vuln).anySatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(f.message()).startsWith("curl 7.88.1").contains("CVE-2023-38545",
                    "version in range; distro backport status unknown");
        });
        // Debian back-ported strict KEX into dropbear 2022.83-1+deb12u1: the binary itself shows it
        Finding dropbear = vuln.stream().filter(f -> f.message().startsWith("Dropbear SSH 2022.83")).findFirst()
                .orElseThrow();
        assertThat(dropbear.outcome()).isEqualTo(Outcome.INFO);
        assertThat(dropbear.message()).contains("CVE-2023-48795 resolved");
        assertThat(dropbear.evidence()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("usr/sbin/dropbear");
            assertThat(e.excerpt()).startsWith("kex-strict-");
        });
        // Debian's hostapd is built with 802.11r: the FT rule must not rule CVE-2017-13082 out
        Component hostapd = sbom.components().stream().filter(c -> c.id().equals("hostapd")).findFirst().orElseThrow();
        assertThat(ApplicabilityJudge.of(tree).judge(hostapd, "CVE-2017-13082")).isEmpty();
    }

    @Test
    void debianArmmpKernelConfigRulesOutWatchQueueButNotTipc() throws Exception {
        Path deb = deb("linux-image-");
        Path unpacked = tmp.resolve("deb");
        assumeTrue(run(List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString())).isPresent(),
                "dpkg-deb not available: skipped");
        Path config;
        try (Stream<Path> s = Files.list(unpacked.resolve("boot"))) {
            config = s.filter(p -> p.getFileName().toString().startsWith("config-")).findFirst().orElseThrow();
        }
        byte[] text = Files.readAllBytes(config);
        Component kernel = new Component("linux-kernel", "Linux kernel", "6.1.192", null, null, null, Confidence.HIGH,
                ComponentSource.SIGNATURE, List.of());

        // 1. the config file as /boot/config-* keeps it
        Path a = tmp.resolve("a");
        Files.createDirectories(a.resolve("boot"));
        Files.write(a.resolve("boot/" + config.getFileName()), text);
        ApplicabilityJudge judge = ApplicabilityJudge.of(FileTree.index(a));
        assertThat(judge.judge(kernel, "CVE-2022-0995")).hasValueSatisfying(x -> {
            assertThat(x.state()).isEqualTo(Applicability.State.NOT_AFFECTED);
            assertThat(x.evidence()).singleElement().satisfies(e -> {
                assertThat(e.path()).isEqualTo("boot/" + config.getFileName());
                assertThat(e.excerpt()).isEqualTo("# CONFIG_WATCH_QUEUE is not set");
            });
        });
        assertThat(judge.judge(kernel, "CVE-2021-43267")).isEmpty(); // CONFIG_TIPC=m
        assertThat(judge.judge(kernel, "CVE-2024-1086")).isEmpty(); // CONFIG_NF_TABLES=m

        // 2. a copy of /proc/config.gz, and 3. the same text in a kernel image's IKCONFIG block
        Path b = tmp.resolve("b");
        Files.createDirectories(b.resolve("proc"));
        Files.write(b.resolve("proc/config.gz"), gzip(text));
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        image.writeBytes(TestTrees.fakeBinary(List.of("Linux version 6.1.192 (debian-kernel@lists.debian.org)")));
        image.writeBytes("IKCFG_ST".getBytes(StandardCharsets.US_ASCII));
        image.writeBytes(gzip(text));
        image.writeBytes("IKCFG_ED".getBytes(StandardCharsets.US_ASCII));
        Path c = tmp.resolve("c");
        Files.createDirectories(c);
        Files.write(c.resolve("vmlinux"), image.toByteArray());
        for (Path root : List.of(b, c)) {
            assertThat(ApplicabilityJudge.of(FileTree.index(root)).judge(kernel, "CVE-2022-0995")).as(root.toString())
                    .hasValueSatisfying(x -> assertThat(x.justification()).isEqualTo("code_not_present"));
        }
    }

    @Test
    void tpLinkWr841nClaimsOnlyWhatItsCodeCanHave() throws Exception {
        List<Finding> vuln = vulnFindings("firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin");
        String claimed = claimedMessages(vuln);
        // dropbear 2012.55: no ChaCha20-Poly1305, no EtM → no Terrapin; its 2016-2018 CVEs stay
        assertThat(claimed).contains("Dropbear SSH 2012.55 is affected", "CVE-2016-7406").doesNotContain("CVE-2023-48795");
        // hostapd 0.5.9 predates 802.11r: no FT code
        assertThat(claimed).doesNotContain("CVE-2017-13082");
        // httpd's static zlib 1.1.4 predates inflateGetHeader; BusyBox 1.01 has no netstat applet
        assertThat(claimed).doesNotContain("CVE-2022-37434").doesNotContain("CVE-2022-28391").contains("CVE-2018-25032");
        assertThat(vuln).filteredOn(f -> f.outcome() == Outcome.INFO).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("CVE-2023-48795 not_affected (code_not_present)"))
                .anySatisfy(m -> assertThat(m).contains("CVE-2017-13082 not_affected (code_not_present)"));
    }

    @Test
    void ddWrtBusyboxWithoutUdhcpcIsNotClaimedForItsOverflow() throws Exception {
        List<Finding> vuln = vulnFindings("firmware/real-extra/ddwrt_v24_mini_generic_broadcom.trx");
        String claimed = claimedMessages(vuln);
        assertThat(claimed).contains("BusyBox 1.9.2 is affected", "CVE-2022-48174").doesNotContain("CVE-2016-2148")
                .doesNotContain("CVE-2023-48795");
    }

    private List<Finding> vulnFindings(String image) throws IOException {
        Path p = RealSamplesTest.samples().resolve(image);
        assumeTrue(Files.isRegularFile(p), "sample " + p.toAbsolutePath() + " absent: skipped");
        UnpackResult r = new Unpacker().unpack(p, tmp.resolve("out"), UnpackOptions.defaults());
        FileTree tree = FileTree.index(r.extractedRoot());
        Sbom sbom = new SbomBuilder().build(tree, SbomOptions.of(image, null));
        return new SbomChecks(VulnDb.bundled(), OutdatedRules.bundled(), DAY).withCodeEvidence(tree).run(sbom).stream()
                .filter(f -> f.check().equals(SbomChecks.VULNERABLE)).toList();
    }

    private static String claimedMessages(List<Finding> vuln) {
        return String.join("\n", vuln.stream().filter(f -> f.outcome() == Outcome.FAIL).map(Finding::message).toList());
    }

    private static Path deb(String prefix) throws IOException {
        for (Path dir : CACHES) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                Optional<Path> deb = s.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith("_armhf.deb")).sorted().findFirst();
                if (deb.isPresent()) {
                    return deb.get();
                }
            }
        }
        assumeTrue(false, prefix + "* armhf .deb not cached (run scripts/fetch-debian-binaries.sh): skipped");
        throw new IllegalStateException();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }

    private static Optional<String> run(List<String> cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
