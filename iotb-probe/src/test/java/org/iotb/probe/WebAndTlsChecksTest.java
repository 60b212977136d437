package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.testing.Nginx;
import org.iotb.probe.testing.ServerProcess;
import org.iotb.probe.testing.TestCerts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four nginx servers, each weakness configured on one and absent on another: plain-HTTP Basic auth and an
 * exposed config file vs a catch-all page; legacy TLS with weak suites and a broken certificate vs modern TLS.
 */
@Tag("integration")
class WebAndTlsChecksTest {
    @TempDir
    static Path dir;
    static ServerProcess weakWeb;
    static ServerProcess catchAll;
    static ServerProcess weakTls;
    static ServerProcess goodTls;
    static ServerProcess tls13Only;
    static TestCerts.Pem badCert;
    static ServerProcess staticRsa;
    static ScanResult result;

    @BeforeAll
    static void start() throws Exception {
        weakWeb = Nginx.start(dir, "", "server_tokens on; location = /config.xml { default_type text/xml;"
                + " return 200 '<?xml version=\"1.0\"?><config><admin_password>x</admin_password></config>'; }"
                + " location / { auth_basic \"IPCam\"; auth_basic_user_file " + dir.resolve("none.htpasswd")
                + "; }");
        catchAll = Nginx.start(dir, "", "server_tokens off; location / { default_type text/html;"
                + " return 200 '<html><body>Welcome <a href=/login>(config, admin, password)</a></body></html>'; }");
        badCert = TestCerts.make(dir, "bad", 1024, "SHA1withRSA", true, false);
        weakTls = Nginx.start(dir, "ssl", "ssl_certificate " + badCert.cert() + "; ssl_certificate_key "
                + badCert.key() + "; ssl_protocols TLSv1 TLSv1.1 TLSv1.2;"
                + " ssl_ciphers 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'; location / { return 200 ok; }");
        TestCerts.Pem good = TestCerts.make(dir, "good", 2048, "SHA256withRSA", false, true);
        goodTls = Nginx.start(dir, "ssl", "server_tokens off; ssl_certificate " + good.cert()
                + "; ssl_certificate_key " + good.key() + "; ssl_protocols TLSv1.2 TLSv1.3;"
                + " ssl_ciphers 'ECDHE+AESGCM:ECDHE+CHACHA20'; location / { return 200 ok; }");
        // TLS 1.2 only, one static-RSA CBC-SHA1 suite beside an ECDHE-GCM one: nothing rejected, something discouraged
        staticRsa = Nginx.start(dir, "ssl", "server_tokens off; ssl_certificate " + good.cert()
                + "; ssl_certificate_key " + good.key() + "; ssl_protocols TLSv1.2;"
                + " ssl_ciphers 'AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256'; location / { return 200 ok; }");
        tls13Only = Nginx.start(dir, "ssl", "server_tokens off; ssl_certificate " + badCert.cert()
                + "; ssl_certificate_key " + badCert.key() + "; ssl_protocols TLSv1.3;"
                + " ssl_ciphers 'DEFAULT:@SECLEVEL=0'; location / { return 200 ok; }");
        ProbeOptions o = ProbeOptions.defaults()
                .withPorts(List.of(weakWeb.port, catchAll.port, weakTls.port, goodTls.port, tls13Only.port,
                        staticRsa.port))
                .withBudget(Duration.ofSeconds(90));
        result = new DeviceScanner().scanResult(new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress()), o,
                ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        for (ServerProcess p : new ServerProcess[] {weakWeb, catchAll, weakTls, goodTls, tls13Only, staticRsa}) {
            if (p != null) {
                p.close();
            }
        }
    }

    static Map<Integer, Finding> byPort(String check) {
        Map<Integer, Finding> m = new TreeMap<>();
        result.findings().stream().filter(f -> f.check().equals(check) && !f.evidence().isEmpty())
                .forEach(f -> m.put(f.evidence().get(0).port(), f));
        return m;
    }

    @Test
    void servicesAreIdentified() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> s = (List<Map<String, Object>>) result.findings().stream()
                .filter(f -> f.check().equals("net.svc.inventory")).findFirst().get().data().get("services");
        Map<Integer, String> byPort = new TreeMap<>();
        s.forEach(x -> byPort.put((Integer) x.get("port"), x.get("service") + (((Boolean) x.get("tls")) ? "+tls" : "")));
        assertThat(byPort).containsEntry(weakWeb.port, "http").containsEntry(catchAll.port, "http")
                .containsEntry(weakTls.port, "https+tls").containsEntry(goodTls.port, "https+tls");
    }

    @Test
    void plaintextLoginOnlyWhereBasicAuthIsServedOverHttp() {
        Map<Integer, Finding> m = byPort("net.http.plaintext-login");
        assertThat(m.get(weakWeb.port).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(m.get(weakWeb.port).evidence().get(0).reply()).contains("Basic realm=\"IPCam\"");
        assertThat(m.get(catchAll.port).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void exposedConfigFoundButCatchAllPageIsNotAccused() {
        Map<Integer, Finding> m = byPort("net.http.unauthenticated-config");
        assertThat(m.get(weakWeb.port).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(m.get(weakWeb.port).evidence().get(0).request()).contains("/config.xml");
        assertThat(m.get(catchAll.port).outcome()).isEqualTo(Outcome.PASS);
        assertThat(m.get(goodTls.port).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void versionInServerHeaderIsReported() {
        Finding f = result.findings().stream().filter(x -> x.check().equals("net.disclosure.version")).findFirst()
                .get();
        assertThat(f.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(f.message()).contains(weakWeb.port + "/tcp").containsPattern("nginx \\d+\\.\\d+");
        assertThat(f.message()).doesNotContain(catchAll.port + "/tcp").doesNotContain(goodTls.port + "/tcp");
    }

    @Test
    void legacyProtocolsOnlyOnTheLegacyServer() {
        Map<Integer, Finding> m = byPort("net.tls.legacy-protocol");
        assertThat(m.get(weakTls.port).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(m.get(weakTls.port).message()).contains("TLSv1.0", "TLSv1.1");
        assertThat(m.get(goodTls.port).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void weakCiphersOnlyOnTheLegacyServer() {
        Map<Integer, Finding> m = byPort("net.tls.weak-cipher");
        assertThat(m.get(weakTls.port).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(m.get(weakTls.port).message()).contains("null", "anon");
        assertThat(m.get(goodTls.port).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void staticRsaAndCbcSha1AreWarningsNamingTheirSource() {
        Finding f = byPort("net.tls.weak-cipher").get(staticRsa.port);
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.WARNING);
        assertThat(f.message()).contains("no-forward-secrecy", "cbc-sha1", "RFC 9325", "BSI TR-02102-2");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.reply()).contains("TLS_RSA_WITH_AES_128_CBC_SHA"));
        @SuppressWarnings("unchecked")
        Map<String, String> sources = (Map<String, String>) f.data().get("sources");
        assertThat(sources.get("no-forward-secrecy")).contains("RFC 9325 §4.1");
    }

    @Test
    void certificateProblemsAndFingerprints() throws Exception {
        Map<Integer, Finding> m = byPort("net.tls.certificate");
        Finding bad = m.get(weakTls.port);
        assertThat(bad.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(bad.message()).contains("expired", "weak key: RSA 1024", "self-signed");
        String sha = org.iotb.probe.net.Text.hex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(badCert.x509().getEncoded()));
        assertThat(bad.evidence().get(0).fingerprint()).isEqualTo(sha);
        assertThat(bad.data().get("publicKeySha256")).isEqualTo(org.iotb.probe.net.Text.hex(
                java.security.MessageDigest.getInstance("SHA-256").digest(badCert.x509().getPublicKey().getEncoded())));
        assertThat(m.get(goodTls.port).outcome()).isEqualTo(Outcome.PASS);
        // TLS 1.3 encrypts the Certificate message: the chain is read through the JDK instead
        Finding hidden = m.get(tls13Only.port);
        assertThat(hidden.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(hidden.evidence().get(0).fingerprint()).isEqualTo(sha);
        assertThat(hidden.evidence().get(0).request()).contains("TLS 1.3");
    }

    @Test
    void tls13OnlyServerPassesProtocolAndCipherChecks() {
        assertThat(byPort("net.tls.legacy-protocol").get(tls13Only.port).outcome()).isEqualTo(Outcome.PASS);
        assertThat(byPort("net.tls.weak-cipher").get(tls13Only.port).outcome()).isEqualTo(Outcome.PASS);
        assertThat(byPort("net.tls.legacy-protocol").get(tls13Only.port).data().get("protocols"))
                .isEqualTo(List.of("TLSv1.3"));
    }
}
