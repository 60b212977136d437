package org.iotb.report.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signs a bundle with a key and certificate made by openssl (a CA and a lab certificate it issued) and cross-checks
 * the result with the Debian tools a recipient without iotb would use: {@code sha256sum -c} and
 * {@code openssl cms -verify}. Then changes the bundle the ways a recipient must notice.
 */
@Tag("integration")
class SignedBundleTest {
    @TempDir
    static Path keys;

    @BeforeAll
    static void makeKeys() throws Exception {
        require("openssl");
        run(keys, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "3650", "-subj", "/CN=Example Accreditation CA");
        run(keys, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "lab.key", "-out", "lab.csr", "-subj", "/O=Example Test House/CN=Example Test House report signing");
        run(keys, "openssl", "x509", "-req", "-in", "lab.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "lab.pem", "-days", "825");
        run(keys, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out",
                "other.pem", "-days", "30", "-subj", "/CN=Someone else");
    }

    private static Path bundle(Path dir) throws IOException {
        Files.writeString(dir.resolve("assessment.json"), "{\"schemaVersion\": \"3.0\"}\n");
        Files.write(dir.resolve("report.pdf"), "%PDF-1.7 fake but bytes\n".getBytes(StandardCharsets.US_ASCII));
        Files.createDirectories(dir.resolve("attachments"));
        Files.write(dir.resolve("attachments/pcb photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        return dir;
    }

    @Test
    void aSignedBundleVerifiesHereAndWithOpensslAndSha256sum(@TempDir Path dir) throws Exception {
        bundle(dir);
        BundleSigner.Signed s = BundleSigner.sign(dir, keys.resolve("lab.key"), keys.resolve("lab.pem"));
        assertThat(s.files()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("manifest.sha256")))
                .matches("(?s)[0-9a-f]{64}  assessment.json\n[0-9a-f]{64}  attachments/pcb photo.png\n[0-9a-f]{64}  report.pdf\n");
        assertThat(run(dir, "sha256sum", "-c", "--strict", "manifest.sha256").exit).isZero();
        assertThat(opensslVerify(dir, keys.resolve("ca.pem")).exit).isZero();
        BundleVerifier.Result r = BundleVerifier.verify(dir, keys.resolve("ca.pem"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.signer()).contains("Example Test House");
        assertThat(r.signingTime()).isNotNull();
        // a CA that did not issue the lab's certificate
        BundleVerifier.Result foreign = BundleVerifier.verify(dir, keys.resolve("other.pem"));
        assertThat(foreign.ok()).isFalse();
        assertThat(foreign.problems()).singleElement().asString().contains("does not chain to the CA");
        assertThat(opensslVerify(dir, keys.resolve("other.pem")).exit).isNotZero();
    }

    @Test
    void aFlippedByteAnAddedFileAndARemovedFileAreNamed(@TempDir Path dir) throws Exception {
        bundle(dir);
        BundleSigner.sign(dir, keys.resolve("lab.key"), keys.resolve("lab.pem"));
        byte[] pdf = Files.readAllBytes(dir.resolve("report.pdf"));
        pdf[3] ^= 1;
        Files.write(dir.resolve("report.pdf"), pdf);
        Files.writeString(dir.resolve("extra.html"), "<p>added later</p>");
        Files.delete(dir.resolve("assessment.json"));
        BundleVerifier.Result r = BundleVerifier.verify(dir, null);
        assertThat(r.ok()).isFalse();
        assertThat(r.changed()).containsExactly("report.pdf");
        assertThat(r.added()).containsExactly("extra.html");
        assertThat(r.removed()).containsExactly("assessment.json");
        assertThat(r.problems()).isEmpty(); // the signature over the manifest itself still holds
        assertThat(run(dir, "sha256sum", "-c", "manifest.sha256").exit).isNotZero();
    }

    @Test
    void anEditedManifestBreaksTheSignature(@TempDir Path dir) throws Exception {
        bundle(dir);
        BundleSigner.sign(dir, keys.resolve("lab.key"), keys.resolve("lab.pem"));
        Files.writeString(dir.resolve("report.pdf"), "another report");
        // the forger updates the manifest to match; the signature no longer does
        Files.write(dir.resolve("manifest.sha256"), BundleManifest.of(dir).bytes());
        BundleVerifier.Result r = BundleVerifier.verify(dir, keys.resolve("ca.pem"));
        assertThat(r.changed()).isEmpty();
        assertThat(r.problems()).singleElement().asString().contains("signature does not match");
        assertThat(opensslVerify(dir, keys.resolve("ca.pem")).exit).isNotZero();
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedAndAnUnsignedFolderSaysSo(@TempDir Path dir) throws Exception {
        bundle(dir);
        assertThatThrownBy(() -> BundleSigner.sign(dir, keys.resolve("other.key"), keys.resolve("lab.pem")))
                .hasMessageContaining("does not belong to the certificate");
        assertThat(Files.exists(dir.resolve("manifest.sha256"))).isFalse();
        assertThat(BundleVerifier.verify(dir, null).problems()).singleElement().asString()
                .contains("the folder was not signed");
    }

    @Test
    void aSymbolicLinkInTheBundleIsRefused(@TempDir Path dir) throws Exception {
        bundle(dir);
        Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("assessment.json"));
        assertThatThrownBy(() -> BundleSigner.sign(dir, keys.resolve("lab.key"), keys.resolve("lab.pem")))
                .hasMessageContaining("link.json (a symbolic link)");
    }

    private static Outcome opensslVerify(Path dir, Path ca) throws Exception {
        return run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s", "-content",
                "manifest.sha256", "-CAfile", ca.toString(), "-purpose", "any", "-out", "/dev/null");
    }

    record Outcome(int exit, String output) {
    }

    private static void require(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (new File(d, tool).canExecute()) {
                return;
            }
        }
        assumeTrue(false, tool + " not found: install the Debian package " + tool + " to run this test");
    }

    /** Runs a command in {@code dir} (its output goes to a file outside, so the bundle gains no file). */
    private static Outcome run(Path dir, String... command) throws Exception {
        require(command[0]);
        Path log = Files.createTempFile("iotb-sign-test", ".log");
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
            Outcome o = new Outcome(p.exitValue(), Files.readString(log));
            if (dir == keys) {
                assertThat(o.exit).as(String.join(" ", command) + ": " + o.output).isZero();
            }
            return o;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
