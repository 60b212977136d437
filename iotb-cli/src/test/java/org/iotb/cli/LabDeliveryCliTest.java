package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iotb.model.Json;
import org.iotb.model.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 "Done when", the lab's delivery end to end on the bundled example: {@code assess --lab} with the example's
 * lab record (its observations and PCB photo) → {@code iotb sign} with a key and certificate made by openssl →
 * {@code iotb verify} accepts the bundle (so do {@code sha256sum -c} and {@code openssl cms -verify}); one flipped
 * byte, an added file or a removed one makes it exit 1 naming the file. Also {@code --release} labels and
 * {@code iotb lab init}.
 */
@Tag("integration")
class LabDeliveryCliTest {
    @TempDir
    static Path work;
    static Path out;
    static Cli assess;
    static JsonNode assessment;

    @BeforeAll
    static void assessTheExampleAsALab() throws Exception {
        out = work.resolve("delivery");
        assess = Cli.run("assess", "-q", "--profile", Cli.example("profile.yaml"),
                "--declarations", Cli.example("declarations.yaml"),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit1.bin"),
                "--lab", Cli.example("lab.yaml"), "--format", "json,html,pdf", "-o", out.toString());
        assessment = Json.mapper().readTree(out.resolve("assessment.json").toFile());
    }

    private static JsonNode verdict(String key) {
        for (JsonNode v : assessment.get("verdicts")) {
            if ((v.get("standard").asText() + ":" + v.get("requirement").asText()).equals(key)) {
                return v;
            }
        }
        throw new AssertionError("no verdict " + key);
    }

    @Test
    void theLabRecordIsInTheJsonApartFromTheManufacturersStatementsAndWeighsInTheVerdicts() throws Exception {
        assertThat(assess.exit).as(assess.err).isEqualTo(1);
        JsonNode lab = assessment.get("lab");
        assertThat(lab.get("reportId").asText()).isEqualTo("ETH-2026-0142");
        assertThat(lab.get("deviceUnderTest").get("serials")).hasSize(2);
        JsonNode photo = lab.get("observations").get(0).get("attachments").get(0);
        assertThat(photo.get("file").asText()).isEqualTo("attachments/pcb-uart-j3.png");
        assertThat(Sha256.of(out.resolve("attachments/pcb-uart-j3.png"))).isEqualTo(photo.get("sha256").asText())
                .isEqualTo(Sha256.of(Path.of(Cli.example("lab/pcb-uart-j3.png"))));
        // the manufacturer declared 5.2-1 (no check covers it): the lab's pass makes it verified, here and in its twin
        for (String key : List.of("etsi-en-303-645:5.2-1", "mtsfb-tc-g044:6.2.1")) {
            assertThat(verdict(key).get("verdict").asText()).isEqualTo("pass");
            assertThat(verdict(key).get("basis").asText()).isEqualTo("verified");
            assertThat(verdict(key).get("reason").asText()).contains("lab observation OBS-3 passed");
        }
        // a lab pass against a failing default-password check stays a fail, as a conflict
        assertThat(verdict("etsi-en-303-645:5.1-1").get("verdict").asText()).isEqualTo("fail");
        assertThat(verdict("etsi-en-303-645:5.1-1").get("conflict").asBoolean()).isTrue();
        assertThat(verdict("etsi-en-303-645:5.1-1").get("reason").asText()).contains("although lab observation OBS-4 passed");
        // the declarations say nothing of the lab, the lab object nothing of the declarations
        assertThat(lab.findValues("support")).isEmpty();
        assertThat(lab.findValues("declaration")).isEmpty();
        assertThat(assess.out).contains("lab: Example Test House (fictional), report ETH-2026-0142: 5 observations");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Test lab record").contains("ETH-2026-0142").contains("href=\"attachments/pcb-uart-j3.png\"");
    }

    @Test
    void aSignedDeliveryVerifiesAndEveryChangeIsNamed() throws Exception {
        Path keys = Files.createDirectories(work.resolve("keys"));
        run(keys, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "lab.key", "-out", "lab.pem", "-days", "30", "-subj", "/O=Example Test House/CN=report signing");
        Path bundle = work.resolve("bundle");
        copy(out, bundle);
        Cli sign = Cli.run("sign", bundle.toString(), "--key", keys.resolve("lab.key").toString(),
                "--cert", keys.resolve("lab.pem").toString());
        assertThat(sign.exit).as(sign.err).isZero();
        assertThat(Files.readString(bundle.resolve("manifest.sha256"))).contains("  assessment.json\n")
                .contains("  attachments/pcb-uart-j3.png\n").contains("  report.pdf\n");
        Cli ok = Cli.run("verify", bundle.toString(), "--ca", keys.resolve("lab.pem").toString());
        assertThat(ok.exit).as(ok.out + ok.err).isZero();
        assertThat(ok.out).contains("verified:");
        assertThat(run(bundle, "sha256sum", "-c", "--strict", "manifest.sha256")).isZero();
        assertThat(run(bundle, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s",
                "-content", "manifest.sha256", "-CAfile", keys.resolve("lab.pem").toString(), "-purpose", "any",
                "-out", "/dev/null")).isZero();

        byte[] pdf = Files.readAllBytes(bundle.resolve("report.pdf"));
        pdf[pdf.length / 2] ^= 0x01;
        Files.write(bundle.resolve("report.pdf"), pdf);
        Cli flipped = Cli.run("verify", bundle.toString());
        assertThat(flipped.exit).isEqualTo(1);
        assertThat(flipped.out).contains("changed: report.pdf").contains("NOT verified");
        pdf[pdf.length / 2] ^= 0x01;
        Files.write(bundle.resolve("report.pdf"), pdf);
        assertThat(Cli.run("verify", bundle.toString()).exit).isZero();

        Files.writeString(bundle.resolve("attachments/later.txt"), "added after signing");
        Cli added = Cli.run("verify", bundle.toString());
        assertThat(added.exit).isEqualTo(1);
        assertThat(added.out).contains("added: attachments/later.txt");
        Files.delete(bundle.resolve("attachments/later.txt"));
        Files.delete(bundle.resolve("report.html"));
        Cli removed = Cli.run("verify", bundle.toString());
        assertThat(removed.exit).isEqualTo(1);
        assertThat(removed.out).contains("removed: report.html");
        assertThat(Cli.run("verify", work.resolve("nowhere").toString()).exit).isEqualTo(2);
    }

    @Test
    void releaseLabelsTheAssessmentAndTheDiffTellsTheReleasesApart() throws Exception {
        Path newer = work.resolve("newer");
        Cli r = Cli.run("assess", "-q", "--profile", Cli.example("profile.yaml"),
                "--declarations", Cli.example("declarations.yaml"), "--firmware", Cli.example("firmware/sl100-1.5.0.bin"),
                "--release", "1.5.0", "--format", "json", "-o", newer.toString());
        assertThat(r.exit).as(r.err).isIn(0, 1);
        JsonNode product = Json.mapper().readTree(newer.resolve("assessment.json").toFile()).get("product");
        assertThat(product.get("firmwareVersion").asText()).isEqualTo("1.5.0");
        Cli diff = Cli.run("diff", out.resolve("assessment.json").toString(), newer.resolve("assessment.json").toString(),
                "--format", "json");
        JsonNode d = Json.mapper().readTree(diff.out);
        assertThat(d.get("oldProduct").asText()).contains("firmware 1.4.2");
        assertThat(d.get("newProduct").asText()).contains("firmware 1.5.0");
    }

    @Test
    void labInitWritesATemplateThatChecksClean() throws Exception {
        Path f = work.resolve("lab.yaml");
        assertThat(Cli.run("lab", "init", "-o", f.toString()).exit).isZero();
        Cli check = Cli.run("lab", "check", f.toString());
        assertThat(check.exit).as(check.err).isZero();
        Files.writeString(f, Files.readString(f) + "signature: yes\n");
        Cli bad = Cli.run("lab", "check", f.toString());
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.err).contains("unknown key 'signature'");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** Runs a Debian tool in {@code dir}; its output goes outside, so a bundle gains no file. */
    private static int run(Path dir, String... command) throws Exception {
        boolean found = false;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            found |= new File(d, command[0]).canExecute();
        }
        assumeTrue(found, command[0] + " not found: install the Debian package " + command[0] + " to run this test");
        Path log = Files.createTempFile("iotb-lab-test", ".log");
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.deleteIfExists(log);
        return p.exitValue();
    }
}
