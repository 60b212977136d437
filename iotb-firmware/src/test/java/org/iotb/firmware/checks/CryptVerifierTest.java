package org.iotb.firmware.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotb.firmware.checks.cred.CryptScheme;
import org.iotb.firmware.checks.cred.CryptVerifier;
import org.iotb.firmware.support.TestInputs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hashes made by real tools (openssl passwd, perl's crypt(3)) are verified by our cracker. */
class CryptVerifierTest {

    private static String tool(String... cmd) throws Exception {
        return TestInputs.run(List.of(cmd), 30).strip();
    }

    @Test
    @Tag("integration")
    void verifiesHashesProducedByOpensslAndLibcCrypt() throws Exception {
        TestInputs.requireTools("openssl", "perl");
        String md5 = tool("openssl", "passwd", "-1", "-salt", "Jl7H1VOG", "admin");
        String sha256 = tool("openssl", "passwd", "-5", "-salt", "abcdefgh", "1234");
        String sha512 = tool("openssl", "passwd", "-6", "-salt", "saltsalt", "root");
        String des = tool("perl", "-e", "print crypt('xc3511','zz')");
        assertThat(CryptScheme.of(md5)).isEqualTo(CryptScheme.MD5);
        assertThat(CryptScheme.of(sha256)).isEqualTo(CryptScheme.SHA256);
        assertThat(CryptScheme.of(sha512)).isEqualTo(CryptScheme.SHA512);
        assertThat(CryptScheme.of(des)).isEqualTo(CryptScheme.DES);
        assertThat(CryptVerifier.matches(md5, "admin")).isTrue();
        assertThat(CryptVerifier.matches(md5, "admin1")).isFalse();
        assertThat(CryptVerifier.matches(sha256, "1234")).isTrue();
        assertThat(CryptVerifier.matches(sha512, "root")).isTrue();
        assertThat(CryptVerifier.matches(sha512, "toor")).isFalse();
        assertThat(CryptVerifier.matches(des, "xc3511")).isTrue();
        assertThat(CryptVerifier.matches(des, "vizxv")).isFalse();
    }

    @Test
    void verifiesBcryptWithTheOpenwallTestVector() {
        String h = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"; // crypt_blowfish vector for "U*U"
        assertThat(CryptScheme.of(h)).isEqualTo(CryptScheme.BCRYPT);
        assertThat(CryptVerifier.matches(h, "U*U")).isTrue();
        assertThat(CryptVerifier.matches(h, "U*V")).isFalse();
    }

    @Test
    void yescryptIsReportedUnverifiableAndWeakSchemesAreWeak() {
        String yescrypt = "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7";
        assertThat(CryptScheme.of(yescrypt)).isEqualTo(CryptScheme.YESCRYPT);
        assertThat(CryptVerifier.verifiable(yescrypt)).isFalse();
        assertThat(CryptScheme.MD5.weak).isTrue();
        assertThat(CryptScheme.SHA512.weak).isFalse();
        assertThat(CryptVerifier.matches("$1$broken", "x")).isFalse();
    }
}
