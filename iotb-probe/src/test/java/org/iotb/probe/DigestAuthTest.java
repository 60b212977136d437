package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.net.Text;
import org.iotb.probe.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lighttpd with HTTP Digest authentication (admin/admin1234): plain-HTTP login, default credentials, and
 * brute-force resistance (lighttpd delays every failed login by about a second, which counts as throttling).
 */
@Tag("integration")
class DigestAuthTest {
    @TempDir
    static Path dir;
    static ServerProcess lighttpd;

    @BeforeAll
    static void start() throws Exception {
        String bin = ServerProcess.require("lighttpd");
        int port = ServerProcess.freePort();
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "<html>camera</html>");
        String ha1 = Text.hex(MessageDigest.getInstance("MD5")
                .digest("admin:cam:admin1234".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("htdigest"), "admin:cam:" + ha1 + "\n");
        Path conf = dir.resolve("lighttpd.conf");
        Files.writeString(conf, String.join("\n",
                "server.document-root = \"" + www + "\"", "server.port = " + port,
                "server.bind = \"127.0.0.1\"", "server.errorlog = \"" + dir.resolve("error.log") + "\"",
                "server.modules = ( \"mod_indexfile\", \"mod_auth\", \"mod_authn_file\", \"mod_staticfile\" )",
                "index-file.names = ( \"index.html\" )", "auth.backend = \"htdigest\"",
                "auth.backend.htdigest.userfile = \"" + dir.resolve("htdigest") + "\"",
                "auth.require = ( \"/\" => ( \"method\" => \"digest\", \"realm\" => \"cam\","
                        + " \"require\" => \"valid-user\" ) )", ""));
        lighttpd = ServerProcess.start(dir, port, bin, "-D", "-f", conf.toString());
    }

    @AfterAll
    static void stop() {
        if (lighttpd != null) {
            lighttpd.close();
        }
    }

    @Test
    void digestLoginIsFoundAndDefaultPasswordAccepted() {
        ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(lighttpd.port)).withIntrusive(true)
                .withAttemptBudget(8).withBudget(Duration.ofSeconds(60));
        ScanResult r = new DeviceScanner().scanResult(new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress()),
                o, ProgressListener.NONE);
        Finding login = r.findings().stream().filter(f -> f.check().equals("net.http.plaintext-login")).findFirst()
                .get();
        assertThat(login.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(login.message()).contains("Digest");
        Finding creds = r.findings().stream().filter(f -> f.check().equals("net.auth.default-credentials"))
                .findFirst().get();
        assertThat(creds.outcome()).as(creds.message()).isEqualTo(Outcome.FAIL);
        assertThat(creds.data()).containsEntry("protocol", "http-digest").containsEntry("username", "admin");
        Finding brute = r.findings().stream().filter(f -> f.check().equals("net.auth.bruteforce-resistance"))
                .findFirst().get();
        assertThat(brute.outcome()).as(brute.message()).isEqualTo(Outcome.PASS);
        assertThat((Long) brute.data().get("medianMillis")).isGreaterThanOrEqualTo(900L);
    }
}
