package org.iotb.sbom.applicability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.iotb.firmware.tree.FileTree;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.sbom.Component;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.TestTrees;
import org.iotb.sbom.outdated.OutdatedRules;
import org.iotb.sbom.scan.SignatureSet;
import org.iotb.sbom.vuln.VulnDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code evidence on trees built by the test with the strings real binaries carry: Dropbear's KEXINIT name lists
 * (strict-KEX markers since Debian's 2022.83-1+deb12u1 and upstream 2024.84; ChaCha20-Poly1305 since 2020.79),
 * zlib's inflate banner, BusyBox applet names, and a kernel image with an IKCONFIG block laid out as
 * kernel/configs.c lays it out ("IKCFG_ST", the gzip'd .config, "IKCFG_ED").
 */
class ApplicabilityJudgeTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    @TempDir
    Path dir;

    private List<Finding> vulnFindings(Path root, boolean withCode) throws IOException {
        FileTree tree = FileTree.index(root);
        Sbom sbom = new SbomBuilder().build(tree, SbomOptions.of("fw.bin", "ab".repeat(32)));
        SbomChecks checks = new SbomChecks(VulnDb.bundled(), OutdatedRules.bundled(), DAY);
        return (withCode ? checks.withCodeEvidence(tree) : checks).run(sbom).stream()
                .filter(f -> f.check().equals(SbomChecks.VULNERABLE)).toList();
    }

    private static Finding about(List<Finding> fs, String prefix, Outcome outcome) {
        return fs.stream().filter(f -> f.message().startsWith(prefix) && f.outcome() == outcome).findFirst()
                .orElseThrow(() -> new AssertionError("no " + outcome + " finding on " + prefix + " in " + fs));
    }

    @Test
    void dropbearWithStrictKexIsResolvedForTerrapinNotClaimed() throws IOException {
        Path root = dir.resolve("root");
        TestTrees.write(root.resolve("usr/sbin/dropbear"), "SSH-2.0-dropbear_2022.83",
                "curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group14-sha256",
                "kex-strict-s-v00@openssh.com", "chacha20-poly1305@openssh.com", "aes128-ctr");
        // version matching alone claims it (the example's false fail)
        assertThat(about(vulnFindings(root, false), "Dropbear SSH 2022.83", Outcome.FAIL).message())
                .contains("CVE-2023-48795");
        List<Finding> judged = vulnFindings(root, true);
        assertThat(judged).noneMatch(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARNING);
        Finding info = about(judged, "Dropbear SSH 2022.83", Outcome.INFO);
        assertThat(info.message()).contains("CVE-2023-48795 resolved", "strict key exchange");
        assertThat(info.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("usr/sbin/dropbear");
            assertThat(e.excerpt()).isEqualTo("kex-strict-s-v00@openssh.com");
            assertThat(e.offset()).isPositive();
        });
        assertThat(judged).anySatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
    }

    @Test
    void oldDropbearWithoutChachaOrEtmIsNotAffectedByTerrapinButKeepsItsOtherCves() throws IOException {
        Path root = dir.resolve("root");
        TestTrees.write(root.resolve("usr/sbin/dropbearmulti"), "SSH-2.0-dropbear_2012.55",
                "diffie-hellman-group1-sha1,diffie-hellman-group14-sha1", "aes128-ctr,3des-ctr,aes256-ctr",
                "hmac-sha1-96,hmac-sha1,hmac-md5");
        List<Finding> judged = vulnFindings(root, true);
        Finding fail = about(judged, "Dropbear SSH 2012.55", Outcome.FAIL);
        assertThat(fail.message()).contains("CVE-2016-7406").doesNotContain("CVE-2023-48795");
        Finding info = about(judged, "Dropbear SSH 2012.55", Outcome.INFO);
        assertThat(info.message()).contains("CVE-2023-48795 not_affected (code_not_present)");
        assertThat(info.evidence().get(0).excerpt()).contains("chacha20-poly1305@openssh.com");
    }

    @Test
    void aFixMarkerInOnlySomeBinariesOrChachaWithoutStrictKexDecidesNothing() throws IOException {
        Path root = dir.resolve("root");
        TestTrees.write(root.resolve("usr/sbin/dropbear"), "SSH-2.0-dropbear_2022.83",
                "kex-strict-s-v00@openssh.com", "chacha20-poly1305@openssh.com");
        TestTrees.write(root.resolve("usr/bin/dbclient"), "SSH-2.0-dropbear_2022.83", "chacha20-poly1305@openssh.com");
        assertThat(about(vulnFindings(root, true), "Dropbear SSH 2022.83", Outcome.FAIL).message())
                .contains("CVE-2023-48795");
    }

    @Test
    void zlibBeforeInflateGetHeaderExistedIsNotAffectedByCve202237434() throws IOException {
        Path root = dir.resolve("root");
        // TL-WR841N's httpd links zlib 1.1.4 statically: its banner is all there is
        TestTrees.write(root.resolve("usr/bin/httpd"), " inflate 1.1.4 Copyright 1995-2002 Mark Adler ");
        List<Finding> judged = vulnFindings(root, true);
        Finding fail = about(judged, "zlib 1.1.4", Outcome.FAIL);
        assertThat(fail.message()).contains("CVE-2018-25032").doesNotContain("CVE-2022-37434");
        assertThat(about(judged, "zlib 1.1.4", Outcome.INFO).message())
                .contains("CVE-2022-37434 not_affected (code_not_present)", "predates 1.2.2.1");
    }

    @Test
    void sharedLibzWithInflateGetHeaderStaysClaimed() throws IOException {
        Path root = dir.resolve("root");
        TestTrees.write(root.resolve("usr/lib/libz.so.1.2.7"), " inflate 1.2.7 Copyright 1995-2012 Mark Adler ",
                "inflateGetHeader", "deflateSetHeader");
        assertThat(about(vulnFindings(root, true), "zlib 1.2.7", Outcome.FAIL).message()).contains("CVE-2022-37434");
    }

    @Test
    void busyboxWithoutUdhcpcOrNetstatIsNotAffectedByTheirCves() throws IOException {
        Path root = dir.resolve("root");
        TestTrees.write(root.resolve("bin/busybox"), "BusyBox v1.9.2 (2008-11-20 10:00:00 CET)", "ifconfig",
                "telnetd", "Usage: ifconfig [-a] interface [address]");
        List<Finding> judged = vulnFindings(root, true);
        assertThat(about(judged, "BusyBox 1.9.2", Outcome.FAIL).message()).contains("CVE-2022-48174")
                .doesNotContain("CVE-2016-2148").doesNotContain("CVE-2022-28391").doesNotContain("CVE-2021-42386");
        assertThat(about(judged, "BusyBox 1.9.2", Outcome.INFO).message())
                .contains("CVE-2016-2148 not_affected", "CVE-2022-28391 not_affected", "CVE-2021-42386 not_affected");

        // DD-WRT's BusyBox 1.9.2 builds udhcpc, netstat and awk: all three stay claimed
        TestTrees.write(root.resolve("bin/busybox"), "BusyBox v1.9.2 (2008-11-20 10:00:00 CET)", "udhcpc",
                "netstat", "getline", "function");
        assertThat(about(vulnFindings(root, true), "BusyBox 1.9.2", Outcome.FAIL).message())
                .contains("CVE-2016-2148", "CVE-2022-28391", "CVE-2021-42386");
    }

    @Test
    void dnsmasqOlderThanItsDnssecCodeIsNotAffectedByTheDnssecOverflows() throws IOException {
        Path root = dir.resolve("root");
        TestTrees.write(root.resolve("usr/sbin/dnsmasq"), "dnsmasq-2.41");
        List<Finding> judged = vulnFindings(root, true);
        assertThat(about(judged, "dnsmasq 2.41", Outcome.FAIL).message()).contains("CVE-2017-14491", "CVE-2020-25684")
                .doesNotContain("CVE-2020-25681").doesNotContain("CVE-2020-25682");
        assertThat(about(judged, "dnsmasq 2.41", Outcome.INFO).message())
                .contains("CVE-2020-25681 not_affected", "predates 2.69");
    }

    @Test
    void kernelConfigInAnIkconfigBlockRulesOutAnUnbuiltSubsystem() throws IOException {
        Path root = dir.resolve("root");
        String config = "#\n# Automatically generated file; DO NOT EDIT.\n# Linux/arm 5.15.0 Kernel Configuration\n#\n"
                + "CONFIG_CC_VERSION_TEXT=\"arm-linux-gnueabihf-gcc (GCC) 11.2.0\"\nCONFIG_IKCONFIG=y\n"
                + "# CONFIG_WATCH_QUEUE is not set\nCONFIG_PACKET=y\n# CONFIG_TIPC is not set\n";
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        image.writeBytes(TestTrees.fakeBinary(List.of("Linux version 5.15.0 (builder@host) (gcc 11.2.0) #1 SMP")));
        image.writeBytes("IKCFG_ST".getBytes(StandardCharsets.US_ASCII));
        image.writeBytes(gzip(config));
        image.writeBytes("IKCFG_ED".getBytes(StandardCharsets.US_ASCII));
        image.writeBytes(new byte[4096]);
        Files.createDirectories(root.resolve("boot"));
        Files.write(root.resolve("boot/vmlinux"), image.toByteArray());
        FileTree tree = FileTree.index(root);
        Component kernel = new SbomBuilder().build(tree, SbomOptions.of("fw", null)).components().stream()
                .filter(c -> c.id().equals("linux-kernel")).findFirst().orElseThrow();
        ApplicabilityJudge judge = ApplicabilityJudge.of(tree);

        Optional<Applicability> watchQueue = judge.judge(kernel, "CVE-2022-0995");
        assertThat(watchQueue).hasValueSatisfying(a -> {
            assertThat(a.state()).isEqualTo(Applicability.State.NOT_AFFECTED);
            assertThat(a.justification()).isEqualTo("code_not_present");
            assertThat(a.evidence()).singleElement().satisfies(e -> {
                assertThat(e.path()).startsWith("boot/vmlinux (IKCFG_ST block at 0x");
                assertThat(e.excerpt()).isEqualTo("# CONFIG_WATCH_QUEUE is not set");
            });
        });
        assertThat(judge.judge(kernel, "CVE-2021-43267")).isPresent(); // TIPC not set either
        assertThat(judge.judge(kernel, "CVE-2020-14386")).isEmpty(); // AF_PACKET built in
        assertThat(judge.judge(kernel, "CVE-2016-5195")).isEmpty(); // no rule: core mm
    }

    @Test
    void aBusyboxDotConfigIsNotTakenForTheKernels() {
        String busybox = "#\n# Automatically generated make config: don't edit\n# Busybox version: 1.35.0\n#\n"
                + "CONFIG_HAVE_DOT_CONFIG=y\n# CONFIG_NETSTAT is not set\n";
        assertThat(KernelConfig.parse(busybox, ".config")).isEmpty();
        assertThat(KernelConfig.parse("# Linux kernel version: 2.6.31\n# CONFIG_PACKET is not set\n", "c"))
                .hasValueSatisfying(k -> assertThat(k.built("CONFIG_PACKET")).isFalse());
    }

    @Test
    void withoutATreeOnlyVersionRulesDecide() {
        Component zlib = new Component("zlib", "zlib", "1.1.4", null, null, null, org.iotb.sbom.Confidence.HIGH, org.iotb.sbom.ComponentSource.SIGNATURE, List.of());
        assertThat(ApplicabilityJudge.none().judge(zlib, "CVE-2022-37434")).isPresent();
        Component dropbear = new Component("dropbear", "Dropbear SSH", "2012.55", null, null, null, org.iotb.sbom.Confidence.HIGH, org.iotb.sbom.ComponentSource.SIGNATURE,
                List.of());
        assertThat(ApplicabilityJudge.none().judge(dropbear, "CVE-2023-48795")).isEmpty();
    }

    @Test
    void everyRuleNamesKnownComponentsAndPublicSources() {
        SignatureSet sigs = SignatureSet.bundled();
        assertThat(CodeEvidenceRules.bundled().rules()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.components()).allSatisfy(id -> assertThat(sigs.byId(id)).as(r.cve() + " " + id).isPresent());
            assertThat(r.references()).allSatisfy(u -> assertThat(u).startsWith("https://"));
            assertThat(r.fixedBy() != null || r.requires() != null || r.introducedIn() != null
                    || !r.kernelConfig().isEmpty()).as(r.cve()).isTrue();
        });
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        return b.toByteArray();
    }
}
