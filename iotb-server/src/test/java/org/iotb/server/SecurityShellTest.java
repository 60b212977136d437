package org.iotb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.iotb.store.workspace.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security shell on an in-memory workspace: headers, cookie flags, login with CSRF, session rotation, throttle. */
class SecurityShellTest {
    @TempDir
    static Path data;
    static RunningServer server;

    @BeforeAll
    static void start() {
        FakeWorkspace ws = new FakeWorkspace().withUser("alice", "correct horse", Role.ASSESSOR, null)
                .withUser("bob", "battery staple", Role.ASSESSOR, null).withProduct(1, 1, "Lock A");
        server = ServerApp.start(ServerConfig.of(data).withPort(0), ws);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndARequestId() throws Exception {
        HttpResponse<String> r = new Http(server.url()).get("/login");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(r.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict");
    }

    @Test
    void loginNeedsTheFormsCsrfTokenAndRotatesTheSession() throws Exception {
        Http h = new Http(server.url());
        String anonymous = h.fetchCsrf();
        HttpResponse<String> noToken = h.postForm("/login", Map.of("username", "alice", "password", "correct horse"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = h.postForm("/login", Map.of("username", "alice", "password", "correct horse", "_csrf", "x" + anonymous));
        assertThat(wrong.statusCode()).isEqualTo(403);
        String before = h.get("/login").headers().firstValue("Set-Cookie").orElse("");
        HttpResponse<String> ok = h.postForm("/login", Map.of("username", "alice", "password", "correct horse", "_csrf", anonymous));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/");
        String rotated = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(rotated).startsWith("iotb_session=").isNotEqualTo(before);
        assertThat(h.get("/").body()).contains("Lock A").contains("alice");
    }

    @Test
    void pagesRedirectToLoginAndTheApiSays401() throws Exception {
        Http h = new Http(server.url());
        HttpResponse<String> page = h.get("/");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).startsWith("/login");
    }

    @Test
    void theSixthWrongPasswordInARowIsRefusedWith429() throws Exception {
        Http h = new Http(server.url());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = h.login("bob", "wrong " + i);
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).hasValue("/login?error=1");
        }
        HttpResponse<String> locked = h.login("bob", "battery staple");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After").orElseThrow()).matches("[1-9][0-9]*");
    }

    @Test
    void healthAndMetricsSpeakTheirFormats() throws Exception {
        Http h = new Http(server.url());
        HttpResponse<String> health = h.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"database\":\"ok\",\"queue\":\"running\"}");
        h.get("/login");
        HttpResponse<String> metrics = h.get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("# TYPE http_requests_total counter")
                .containsPattern("http_requests_total\\{method=\"GET\",route=\"/login\",status=\"200\"} [0-9.]+")
                .contains("http_request_duration_seconds_bucket").contains("jvm_memory_used_bytes{area=\"heap\"}")
                .contains("iotb_assessments{status=\"queued\"}");
    }
}
