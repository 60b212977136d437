package org.iotb.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Date;
import org.iotb.probe.testing.TestCerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateInspectorTest {
    @TempDir
    Path dir;

    @Test
    void flagsEachProblemOnlyWhenPresent() throws Exception {
        var good = CertificateInspector.inspect(TestCerts.make(dir, "g", 2048, "SHA256withRSA", false, true).x509(),
                new Date());
        assertThat(good.problems()).isEmpty();
        assertThat(good.selfSigned()).isFalse();

        var selfSigned = CertificateInspector.inspect(
                TestCerts.make(dir, "s", 2048, "SHA256withRSA", false, false).x509(), new Date());
        assertThat(selfSigned.selfSigned()).isTrue();
        assertThat(selfSigned.problems()).isEmpty();

        var bad = CertificateInspector.inspect(TestCerts.make(dir, "b", 1024, "SHA1withRSA", true, true).x509(),
                new Date());
        assertThat(bad.problems()).anyMatch(p -> p.startsWith("expired"))
                .anyMatch(p -> p.equals("weak key: RSA 1024 bits")).anyMatch(p -> p.startsWith("weak signature"));
        assertThat(bad.publicKeySha256()).hasSize(64).isNotEqualTo(bad.sha256());
    }
}
