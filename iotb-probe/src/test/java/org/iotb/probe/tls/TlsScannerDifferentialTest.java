package org.iotb.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.testing.Nginx;
import org.iotb.probe.testing.ServerProcess;
import org.iotb.probe.testing.TestCerts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iotb's protocol and cipher lists equal sslscan's on the same nginx (legacy and modern configurations). */
@Tag("integration")
class TlsScannerDifferentialTest {
    @TempDir
    static Path dir;
    static ServerProcess legacy;
    static ServerProcess modern;

    @BeforeAll
    static void start() throws Exception {
        ServerProcess.require("nginx");
        TestCerts.Pem pem = TestCerts.make(dir, "srv", 2048, "SHA256withRSA", false, false);
        String tls = "ssl_certificate " + pem.cert() + "; ssl_certificate_key " + pem.key() + ";";
        legacy = Nginx.start(dir, "ssl", tls + " ssl_protocols TLSv1 TLSv1.1 TLSv1.2;"
                + " ssl_ciphers 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'; location / { return 200 ok; }");
        modern = Nginx.start(dir, "ssl", tls + " ssl_protocols TLSv1.2 TLSv1.3;"
                + " ssl_ciphers 'ECDHE+AESGCM:ECDHE+CHACHA20'; location / { return 200 ok; }");
    }

    @AfterAll
    static void stop() {
        if (legacy != null) {
            legacy.close();
        }
        if (modern != null) {
            modern.close();
        }
    }

    static TlsReport audit(int port) throws Exception {
        return new TlsScanner(InetAddress.getLoopbackAddress(), port, null, 1000, 2000,
                Deadline.in(Duration.ofSeconds(60))).audit();
    }

    static Map<String, Set<String>> names(TlsReport r) {
        Map<String, Set<String>> m = new TreeMap<>();
        r.ciphers().forEach((k, v) -> m.put(k, v.stream().map(CipherSuite::openssl)
                .collect(Collectors.toCollection(TreeSet::new))));
        return m;
    }

    @Test
    void legacyServerMatchesSslscan() throws Exception {
        String sslscan = ServerProcess.require("sslscan");
        TlsReport mine = audit(legacy.port);
        SslscanXml theirs = SslscanXml.run(sslscan, legacy.port);
        assertThat(mine.protocols()).contains("TLSv1.0", "TLSv1.1", "TLSv1.2").doesNotContain("TLSv1.3");
        assertThat(new TreeSet<>(mine.protocols())).isEqualTo(theirs.protocols);
        assertThat(names(mine)).isEqualTo(theirs.ciphers);
        assertThat(names(mine).get("TLSv1.2")).as("a real enumeration, not two empty sets").hasSizeGreaterThan(20);
        assertThat(mine.certificates()).isNotEmpty();
    }

    @Test
    void modernServerMatchesSslscan() throws Exception {
        String sslscan = ServerProcess.require("sslscan");
        TlsReport mine = audit(modern.port);
        SslscanXml theirs = SslscanXml.run(sslscan, modern.port);
        assertThat(mine.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(new TreeSet<>(mine.protocols())).isEqualTo(theirs.protocols);
        assertThat(names(mine)).isEqualTo(theirs.ciphers);
    }
}
