package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iotb.model.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12, "Done when", over the CLI on images built by scripts/make-example-firmware.sh:
 * <ul>
 * <li>the clean twin (sl100-2.0.0-clean.bin) with its honest profile and declarations (examples/smart-lock-clean/)
 * draws no fail that its evidence does not support, in any of the three standards;</li>
 * <li>the weak release 1.4.2 (both units) with a lying profile and lying declarations
 * (examples/smart-lock/lying-profile.yaml, lying-declarations.yaml: every requirement "Y") reaches neither pass
 * nor not-applicable on the requirements its firmware evidence bears on.</li>
 * </ul>
 */
@Tag("integration")
class EvidenceOutranksClaimsTest {
    @TempDir
    static Path out;
    static Cli clean;
    static JsonNode cleanAssessment;
    static Cli lying;
    static JsonNode lyingAssessment;

    @BeforeAll
    static void assessBoth() throws Exception {
        Path cleanDir = Cli.repo().resolve("examples/smart-lock-clean");
        clean = Cli.run("assess", "-q", "--profile", cleanDir.resolve("profile.yaml").toString(),
                "--declarations", cleanDir.resolve("declarations.yaml").toString(),
                "--firmware", Cli.example("firmware/sl100-2.0.0-clean.bin"),
                "--format", "json", "-o", out.resolve("clean").toString());
        cleanAssessment = Json.mapper().readTree(out.resolve("clean/assessment.json").toFile());
        lying = Cli.run("assess", "-q", "--profile", Cli.example("lying-profile.yaml"),
                "--declarations", Cli.example("lying-declarations.yaml"),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit1.bin"),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit2.bin"),
                "--format", "json", "-o", out.resolve("lying").toString());
        lyingAssessment = Json.mapper().readTree(out.resolve("lying/assessment.json").toFile());
    }

    // ------------------------------------------------------------------ (a) the clean twin

    @Test
    void theCleanTwinsFirmwareChecksFailNothing() {
        List<String> failing = new ArrayList<>();
        for (JsonNode f : cleanAssessment.get("findings")) {
            if (f.get("check").asText().startsWith("fw.") && f.get("outcome").asText().equals("fail")) {
                failing.add(f.get("check").asText() + ": " + f.get("message").asText());
            }
        }
        assertThat(failing).as(clean.err).isEmpty();
        // the checks that would find the weak release's weaknesses looked and passed, not merely "did not run"
        for (String check : List.of("fw.cred.empty-password", "fw.cred.hardcoded", "fw.key.private-key",
                "fw.os.serial-shell", "fw.os.bootdelay", "fw.os.aslr", "fw.os.rootfs-writable", "fw.svc.telnet",
                "fw.svc.debug", "fw.tls.verification-disabled", "fw.net.plaintext-endpoint", "fw.update.unsigned",
                "fw.web.command-injection", "fw.zigbee.default-tclk", "fw.dev.vcs-metadata", "fw.elf.stripped")) {
            assertThat(finding(cleanAssessment, check).get("outcome").asText()).as(check).isEqualTo("pass");
        }
        // the update path was recognised (TLS download with openssl s_client) and its signature check seen
        assertThat(finding(cleanAssessment, "fw.update.unsigned").get("message").asText())
                .isEqualTo("1 update script(s) verify a signature before flashing");
    }

    @Test
    void theCleanTwinDrawsOnlyTheFailsItsEvidenceSupports() {
        // Reviewed: nothing fails. The Debian-built glibc 2.36 (CVE-2023-4911) and BusyBox 1.35.0 (CVE-2022-28391)
        // are in their upstream ranges, but they are Debian builds whose backport status the bundled data cannot
        // tell (Debian fixed CVE-2023-4911 in 2.36-9+deb12u3; this image has a later revision): a warning, so the
        // vulnerability requirements are inconclusive, never a high-confidence fail (issue #13).
        assertThat(verdicts(cleanAssessment, "fail")).as(clean.out).isEmpty();
        for (String[] id : new String[][] {{"etsi-en-303-645", "5.3-8"}, {"mtsfb-tc-g044", "6.3.8"}}) {
            JsonNode v = verdict(cleanAssessment, id[0], id[1]);
            assertThat(v.get("verdict").asText()).as(v.toString()).isEqualTo("inconclusive");
            assertThat(finding(cleanAssessment, "sbom.component-vulnerable").toString()).as(v.toString())
                    .contains("distro backport status unknown");
        }
    }

    // ------------------------------------------------------------------ (b) the weak release that lies

    @Test
    void aDeclaredYThatFailingChecksContradictIsAFailWithTheConflictShown() {
        // the requirements the catalog already maps to the failing firmware checks of the 1.4.2 image (5.8-2/6.8.2
        // left out: the issue questions whether an update script's curl -k bears on "sensitive personal data")
        Map<String, List<String>> contradicted = Map.of(
                "etsi-en-303-645", List.of("5.1-3", "5.3-2", "5.4-1", "5.4-3", "5.4-4", "5.5-1", "5.5-7", "5.6-1"),
                "mtsfb-tc-g044", List.of("6.3.2", "6.4.1", "6.4.3", "6.4.4", "6.5.1", "6.5.7", "6.6.1"),
                "xiaomi-iot-baseline", List.of("1.1.1", "2.1.4", "2.2", "3.1.1", "3.2.2", "4.1.1", "4.1.2", "4.1.3"));
        contradicted.forEach((standard, ids) -> ids.forEach(id -> {
            JsonNode v = verdict(lyingAssessment, standard, id);
            assertThat(v.get("verdict").asText()).as(standard + " " + id + ": " + v.get("reason")).isEqualTo("fail");
            assertThat(v.get("conflict").asBoolean()).as(standard + " " + id).isTrue();
            assertThat(v.get("declaration").get("support").asText()).isEqualTo("Y");
        }));
        assertThat(lying.exit).isEqualTo(1);
    }

    @Test
    void thePlantedEvidenceTheLiesDenyIsFoundInTheImage() {
        // what the lying profile and declarations deny, seen by the firmware checks (the basis of the tests below)
        Map<String, String> planted = new TreeMap<>(Map.of(
                "fw.cred.default-password", "etc/shadow",
                "fw.os.serial-shell", "etc/inittab",
                "fw.svc.telnet", "etc/init.d/rcS",
                "fw.dev.vcs-metadata", "www/.git",
                "fw.web.command-injection", "www/cgi-bin/diag.cgi",
                "fw.zigbee.default-tclk", "etc/lock/zigbee.conf",
                "fw.net.plaintext-endpoint", "etc/lock/cloud.conf"));
        planted.forEach((check, path) -> {
            JsonNode f = finding(lyingAssessment, check);
            assertThat(f.get("outcome").asText()).as(check).isEqualTo("fail");
            assertThat(f.get("evidence").toString()).as(check).contains(path);
        });
    }

    @Test
    void aLyingProfileCannotMakeEvidencedRequirementsNotApplicable() {
        // passwords/preinstalled-passwords: false against /etc/shadow's default root password; debug interface
        // "not accessible" against the ttyS0 root shell; no Zigbee against the ZigBeeAlliance09 key
        assertNeitherPassNorNotApplicable(Map.of(
                "etsi-en-303-645", List.of("5.1-1", "5.1-2", "5.6-4"),
                "mtsfb-tc-g044", List.of("6.1(a)", "6.1(b)", "6.6.4"),
                "xiaomi-iot-baseline", List.of("4.4.1")));
        for (String[] failing : new String[][] {{"etsi-en-303-645", "5.1-1"}, {"mtsfb-tc-g044", "6.1(a)"},
            {"etsi-en-303-645", "5.6-4"}, {"mtsfb-tc-g044", "6.6.4"}, {"xiaomi-iot-baseline", "4.4.1"}}) {
            JsonNode v = verdict(lyingAssessment, failing[0], failing[1]);
            assertThat(v.get("verdict").asText()).as(v.toString()).isEqualTo("fail");
            assertThat(v.get("conflict").asBoolean()).as(v.toString()).isTrue();
        }
    }

    @Test
    void aBareYCannotPassNextToTheEvidenceThatContradictsIt() {
        // telnetd -l /bin/sh and the served .git next to "Y" on 5.6-2; an unauthenticated root shell next to "Y"
        // on 5.5-4/5.5-5; eval "ping -c 1 $HOST" on request input next to "Y" on 5.13-1
        assertNeitherPassNorNotApplicable(Map.of(
                "etsi-en-303-645", List.of("5.5-4", "5.5-5", "5.6-2", "5.13-1"),
                "mtsfb-tc-g044", List.of("6.5.4", "6.5.5", "6.6.2", "6.13.1"),
                "xiaomi-iot-baseline", List.of("3.1.4")));
        for (String[] id : new String[][] {{"etsi-en-303-645", "5.13-1"}, {"mtsfb-tc-g044", "6.13.1"},
            {"xiaomi-iot-baseline", "3.1.4"}}) {
            assertThat(verdict(lyingAssessment, id[0], id[1]).get("findings").toString())
                    .contains("fw.web.command-injection");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertNeitherPassNorNotApplicable(Map<String, List<String>> requirements) {
        List<String> wrong = new ArrayList<>();
        requirements.forEach((standard, ids) -> ids.forEach(id -> {
            JsonNode v = verdict(lyingAssessment, standard, id);
            String verdict = v.get("verdict").asText();
            if (verdict.equals("pass") || verdict.equals("not-applicable")) {
                wrong.add(standard + " " + id + " " + verdict + ": " + v.get("reason").asText());
            }
        }));
        assertThat(wrong).isEmpty();
    }

    private static Map<String, Set<String>> verdicts(JsonNode assessment, String verdict) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode v : assessment.get("verdicts")) {
            if (v.get("verdict").asText().equals(verdict)) {
                out.computeIfAbsent(v.get("standard").asText(), k -> new TreeSet<>()).add(v.get("requirement").asText());
            }
        }
        return out;
    }

    private static JsonNode verdict(JsonNode assessment, String standard, String id) {
        for (JsonNode v : assessment.get("verdicts")) {
            if (v.get("standard").asText().equals(standard) && v.get("requirement").asText().equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no verdict " + standard + " " + id);
    }

    private static JsonNode finding(JsonNode assessment, String check) {
        for (JsonNode f : assessment.get("findings")) {
            if (f.get("check").asText().equals(check)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + check);
    }
}
