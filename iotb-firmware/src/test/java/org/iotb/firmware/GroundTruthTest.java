package org.iotb.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotb.firmware.support.Fixture;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ground truth: a rootfs of real Debian armhf/arm64/mipsel binaries with one injected weakness per check
 * (scripts/make-firmware-fixture.sh lists them in weak.expected) must yield each weakness with evidence at the
 * right file; its clean twin must yield no fail at all, and neither may produce an error.
 */
@Tag("integration")
class GroundTruthTest {
    private static Path fixture;
    private static Map<String, Finding> weak;
    private static Map<String, Finding> clean;
    private static List<String> cleanWarnings;

    @BeforeAll
    static void scan() throws Exception {
        fixture = Fixture.groundTruth();
        FirmwareScanner scanner = new FirmwareScanner();
        FirmwareScanOptions o = FirmwareScanOptions.defaults().withThreads(2);
        weak = byCheck(scanner.scan(fixture.resolve("weak"), o));
        FirmwareScanner.Report r = scanner.scanReport(fixture.resolve("clean"), o);
        clean = byCheck(r.findings());
        cleanWarnings = r.warnings();
        System.out.println("clean twin scan stats: " + r.stats());
    }

    private static Map<String, Finding> byCheck(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::check, f -> f));
    }

    @Test
    void everyInjectedWeaknessIsFoundWithEvidenceAtTheRightFile() throws Exception {
        List<String> missed = new ArrayList<>();
        List<String> expected = Files.readAllLines(fixture.resolve("weak.expected"));
        for (String line : expected) {
            String[] p = line.split(" ", 2);
            Finding f = weak.get(p[0]);
            if (f == null || (f.outcome() != Outcome.FAIL && f.outcome() != Outcome.WARNING)) {
                missed.add(line + " → " + (f == null ? "no finding" : f.outcome() + ": " + f.message()));
                continue;
            }
            boolean pointed = f.evidence().stream().anyMatch(e -> p[1].equals(e.path()));
            if (!pointed) {
                missed.add(line + " → evidence does not name " + p[1] + ": "
                        + f.evidence().stream().limit(10).map(e -> e.path()).toList());
            }
        }
        missed.forEach(m -> System.out.println("MISSED " + m));
        assertThat(missed).isEmpty();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(36);
    }

    @Test
    void injectedWeaknessesThatAreFailuresAreReportedAsFail() {
        // every injected weakness is a fail except the two hardening properties that only warn by design
        List<String> notFail = weak.values().stream()
                .filter(f -> f.outcome() != Outcome.FAIL && !f.check().equals("fw.elf.fortify")
                        && !f.check().equals("fw.elf.stripped") && f.outcome() != Outcome.INFO)
                .map(f -> f.check() + "=" + f.outcome()).toList();
        assertThat(notFail).isEmpty();
    }

    @Test
    void cleanTwinHasNoFailAndNoError() {
        List<String> bad = clean.values().stream()
                .filter(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.ERROR)
                .map(f -> f.check() + " " + f.outcome() + ": " + f.message() + " " + f.evidence()).toList();
        bad.forEach(b -> System.out.println("CLEAN-TWIN " + b));
        assertThat(bad).isEmpty();
        assertThat(clean).hasSize(FirmwareChecks.all().size());
    }

    @Test
    void cleanTwinChecksReallyLooked() {
        // a pass must rest on something read: these checks had real input in the clean twin
        for (String id : List.of("fw.cred.default-password", "fw.cred.weak-hash", "fw.os.serial-shell",
                "fw.os.rootfs-writable", "fw.os.bootdelay", "fw.cert.weak", "fw.elf.pie", "fw.elf.nx",
                "fw.svc.telnet", "fw.wifi.ap-passphrase", "fw.update.unsigned")) {
            assertThat(clean.get(id).outcome()).as(id).isEqualTo(Outcome.PASS);
        }
        assertThat(cleanWarnings).noneMatch(w -> w.contains("not analysable"));
    }

    @Test
    void noErrorInWeakScan() {
        assertThat(weak.values()).noneMatch(f -> f.outcome() == Outcome.ERROR);
    }

    @Test
    void credentialAndKeyEvidenceCarriesFingerprintsButNoSecrets() {
        for (String id : List.of("fw.cred.default-password", "fw.cred.weak-hash", "fw.cred.hardcoded",
                "fw.key.private-key", "fw.key.ssh-host-key", "fw.wifi.ap-passphrase")) {
            assertThat(weak.get(id).evidence()).as(id).allSatisfy(e -> assertThat(e.fingerprint()).hasSize(64));
        }
        String all = weak.values().toString();
        assertThat(all).doesNotContain("SuperSecret123").doesNotContain("Zx9qLm2Vb7Rt4KpW")
                .doesNotContain("BEGIN RSA PRIVATE KEY").doesNotContain("BEGIN OPENSSH");
    }

    @Test
    void factsAndInventoryDescribeTheImage() {
        Map<String, Object> facts = weak.get("fw.os.facts").data();
        assertThat(facts).containsEntry("os", "embedded-linux").containsEntry("libc", "glibc")
                .containsEntry("busybox", true).containsEntry("has-passwords", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) weak.get("fw.svc.inventory").data().get("services");
        assertThat(services).anySatisfy(s -> {
            assertThat(s.get("name")).isEqualTo("telnetd");
            assertThat(s.get("source")).isEqualTo("etc/init.d/S50telnet");
            assertThat(s.get("line")).isEqualTo(2);
        });
    }

    @Test
    void elfFindingsCoverSeveralArchitecturesAndBothVerdictKinds() {
        Finding nx = weak.get("fw.elf.nx");
        // Debian mipsel binaries carry an RWE PT_GNU_STACK; the host-built legacy daemon has no NX either
        assertThat(nx.evidence()).anySatisfy(e -> assertThat(e.path()).startsWith("opt/mipsel/"));
        Finding canary = weak.get("fw.elf.canary");
        assertThat(canary.evidence()).anySatisfy(e -> assertThat(e.path()).isEqualTo("usr/bin/gdbserver"));
    }
}
