package org.iotb.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.probe.checks.HttpChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * net.http.unauthenticated-config follows the web UI: a landing page linking to a settings page that shows the
 * Wi-Fi key and an admin password without login fails, naming the page and the fields, never the values; a UI
 * whose only form is a login passes; links to another port are not followed.
 */
class WebUiCrawlTest {
    static final String WIFI_KEY = "SuperSecretWifi42";
    static final String ADMIN_PASS = "hunter2-admin";
    static HttpServer exposing;
    static HttpServer clean;
    static HttpServer elsewhere;
    static final ConcurrentLinkedQueue<String> elsewhereHits = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> methodsSeen = new ConcurrentLinkedQueue<>();
    static ScanResult result;

    static HttpServer serve(Map<String, String> pages, ConcurrentLinkedQueue<String> log) throws Exception {
        HttpServer h = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        h.createContext("/", x -> {
            String path = x.getRequestURI().getPath();
            if (log != null) {
                log.add(x.getRequestMethod() + " " + path);
            }
            methodsSeen.add(x.getRequestMethod());
            String body = pages.get(path);
            byte[] b = (body == null ? "<html><body>not found</body></html>" : body).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/html");
            x.sendResponseHeaders(body == null ? 404 : 200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        h.start();
        return h;
    }

    @BeforeAll
    static void start() throws Exception {
        elsewhere = serve(Map.of("/", "<html>other</html>", "/secret.html",
                "<html><input name=wifi_psk value=OtherPortSecret></html>"), elsewhereHits);
        int other = elsewhere.getAddress().getPort();
        exposing = serve(Map.of(
                "/", "<html><head><title>Cam</title></head><body><a href=\"status.html\">Status</a>"
                        + " <a href='config.html'>Settings</a> <a href=\"http://127.0.0.1:" + other
                        + "/secret.html\">cloud</a> <a href=\"https://example.com/\">vendor</a></body></html>",
                "/status.html", "<html><body>Uptime 3 days <a href=/>home</a></body></html>",
                "/config.html", "<html><body><form action=\"/apply.cgi\" method=\"post\">"
                        + "SSID <input type=text name=\"wifi_ssid\" value=\"HomeNet\">"
                        + "Key <input type=\"text\" name=\"wifi_key\" value=\"" + WIFI_KEY + "\">"
                        + "Admin <input type=password name=admin_pass value='" + ADMIN_PASS + "'>"
                        + "<input type=submit value=Save></form></body></html>"), null);
        clean = serve(Map.of(
                "/", "<html><body><a href=\"login.html\">Log in</a> <a href=\"about.html\">About</a></body></html>",
                "/login.html", "<html><body><form action=\"/login.cgi\" method=\"post\">User <input name=user>"
                        + " Password <input type=password name=password></form></body></html>",
                "/about.html", "<html><body>Firmware 1.2.3</body></html>"), null);
        ProbeOptions o = ProbeOptions.defaults().withPorts(List.of(exposing.getAddress().getPort(),
                clean.getAddress().getPort())).withBudget(Duration.ofSeconds(60));
        result = new DeviceScanner(List.of(new HttpChecks())).scanResult(
                new DeviceTarget("127.0.0.1", InetAddress.getLoopbackAddress()), o, ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        for (HttpServer h : new HttpServer[] {exposing, clean, elsewhere}) {
            if (h != null) {
                h.stop(0);
            }
        }
    }

    static Finding config(HttpServer h) {
        return result.findings().stream().filter(f -> f.check().equals(HttpChecks.CONFIG) && !f.evidence().isEmpty()
                && f.evidence().get(0).port() == h.getAddress().getPort()).findFirst().orElseThrow();
    }

    @Test
    void linkedSettingsPageWithWifiKeyFails() {
        Finding f = config(exposing);
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
        assertThat(f.message()).contains("/config.html", "wifi_key", "admin_pass");
        assertThat(f.evidence()).anySatisfy(e -> {
            assertThat(e.request()).contains("/config.html", "linked from /");
            assertThat(e.reply()).contains("wifi_key", "admin_pass", "********");
        });
        // the secrets themselves never reach the report
        assertThat(f.toString()).doesNotContain(WIFI_KEY).doesNotContain(ADMIN_PASS);
    }

    @Test
    void loginOnlyUiPasses() {
        Finding f = config(clean);
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.PASS);
        @SuppressWarnings("unchecked")
        List<String> crawled = (List<String>) f.data().get("crawled");
        assertThat(crawled).contains("get /login.html 200", "get /about.html 200");
    }

    @Test
    void staysOnTheSameOriginAndOnlyGets() {
        assertThat(elsewhereHits).isEmpty();
        // no --intrusive: the login and settings forms were fetched, never posted
        assertThat(methodsSeen).containsOnly("GET");
    }
}
