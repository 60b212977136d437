package org.iotb.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** data/tls-grading.yaml: the rejected labels are the ones iotb always failed; the discouraged ones are new. */
class TlsGradingTest {
    /** The hard-coded rules the data file replaced, kept here as the reference. */
    static List<String> formerWeaknesses(CipherSuite c) {
        List<String> w = new ArrayList<>();
        String e = c.enc().toUpperCase(Locale.ROOT);
        if (e.equals("NONE")) {
            w.add("null");
        }
        if (c.auth().equalsIgnoreCase("None")) {
            w.add("anon");
        }
        if (c.iana().contains("EXPORT")) {
            w.add("export");
        }
        for (String[] p : new String[][] {{"RC4", "rc4"}, {"RC2", "rc2"}, {"DES(", "des"}, {"3DES", "3des"},
                {"IDEA", "idea"}}) {
            if (e.startsWith(p[0])) {
                w.add(p[1]);
            }
        }
        if (c.mac().equalsIgnoreCase("MD5")) {
            w.add("md5");
        }
        return w;
    }

    @Test
    void rejectedLabelsMatchTheFormerRulesOnEverySuite() {
        assertThat(CipherSuites.all()).hasSizeGreaterThan(100);
        for (CipherSuite c : CipherSuites.all()) {
            assertThat(c.weaknesses()).as(c.iana()).isEqualTo(formerWeaknesses(c));
        }
    }

    @Test
    void staticRsaAndCbcSha1AreDiscouragedWithASource() {
        CipherSuite rsaCbc = CipherSuites.byCode(0x002f); // TLS_RSA_WITH_AES_128_CBC_SHA
        assertThat(rsaCbc.weaknesses()).isEmpty();
        assertThat(rsaCbc.discouraged()).containsExactly("no-forward-secrecy", "cbc-sha1");
        CipherSuite ecdheCbc = CipherSuites.byCode(0xc013); // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
        assertThat(ecdheCbc.discouraged()).containsExactly("cbc-sha1");
        CipherSuite ecdheGcm = CipherSuites.byCode(0xc02f); // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
        assertThat(ecdheGcm.discouraged()).isEmpty();
        CipherSuite rsaGcm = CipherSuites.byCode(0x009c); // TLS_RSA_WITH_AES_128_GCM_SHA256
        assertThat(rsaGcm.discouraged()).containsExactly("no-forward-secrecy");
        assertThat(TlsGrading.byLabel("no-forward-secrecy").source()).contains("RFC 9325");
        assertThat(CipherSuites.byCode(0x1301).discouraged()).isEmpty(); // TLS 1.3
    }
}
