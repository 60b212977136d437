package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.model.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `iotb serve` as a real child process, killed with SIGKILL while an assessment runs: started again on the same data
 * directory, it takes the run over and completes it, and exactly one assessment is stored for each run. Also: the
 * first start creates the admin from IOTB_ADMIN_PASSWORD and loads the example (two queued runs); SIGTERM shuts
 * down cleanly (exit 0 / 143 from the JVM's signal handling).
 */
@Tag("integration")
class ServeKillTest {
    private static final String PASSWORD = "kill test password";
    private static final Pattern URL = Pattern.compile("the workspace is at (http://[0-9.:]+)");

    @Test
    void aKilledServerFinishesTheRunAfterARestart(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Server first = Server.start(data);
        String token = first.token();
        List<JsonNode> runs = first.runs(token);
        assertThat(runs).as("the example's two runs").hasSize(2);
        long product = runs.get(0).path("productId").asLong();
        // wait until a run is being worked on, then kill the process outright
        JsonNode running = first.waitFor(token, product, r -> r.path("status").asText().equals("running"), Duration.ofMinutes(3));
        long killedRun = running.path("id").asLong();
        first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Server second = Server.start(data);
        try {
            JsonNode done = second.waitForRun(token, killedRun, Duration.ofMinutes(8));
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
            assertThat(done.path("assessmentSha256").asText()).matches("[0-9a-f]{64}");
            List<JsonNode> after = second.runs(token);
            assertThat(after).as("no run was duplicated").hasSize(2);
            assertThat(after.stream().map(r -> r.path("id").asLong()).distinct().count()).isEqualTo(2);
            assertThat(second.get("/health", token).body()).contains("\"status\":\"ok\"");
        } finally {
            second.process.destroy();
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM ends the server").isTrue();
        }
    }

    /** One `iotb serve` child process. */
    static final class Server {
        final Process process;
        final String url;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final StringBuffer err;

        private Server(Process process, String url, StringBuffer err) {
            this.process = process;
            this.url = url;
            this.err = err;
        }

        static Server start(Path data) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    "org.iotb.cli.Main", "serve", "--port", "0", "--data", data.toString(), "--workers", "1", "--grace", "2");
            pb.environment().put("IOTB_ADMIN_PASSWORD", PASSWORD);
            pb.environment().put("IOTB_EXAMPLES", Cli.repo().resolve("examples").toString());
            Process p = pb.start();
            StringBuffer errors = new StringBuffer();
            CompletableFuture.runAsync(() -> drain(new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8)), errors));
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        Matcher m = URL.matcher(line);
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                } catch (IOException e) {
                    // ends below
                }
                return null;
            });
            String u = url.get(3, TimeUnit.MINUTES);
            if (u == null) {
                p.destroyForcibly();
                throw new AssertionError("iotb serve did not start: " + errors);
            }
            return new Server(p, u, errors);
        }

        private static void drain(BufferedReader r, StringBuffer into) {
            try {
                for (String line; (line = r.readLine()) != null; ) {
                    into.append(line).append('\n');
                }
            } catch (IOException e) {
                // process gone
            }
        }

        String stderr() {
            return err.toString();
        }

        String token() throws Exception {
            String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/tokens"))
                    .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return Json.mapper().readTree(r.body()).path("token").asText();
        }

        HttpResponse<String> get(String path, String token) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        List<JsonNode> runs(String token) throws Exception {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode p : Json.mapper().readTree(get("/api/v1/products", token).body())) {
                for (JsonNode r : Json.mapper().readTree(get("/api/v1/products/" + p.path("product").path("id").asLong()
                        + "/assessments", token).body())) {
                    out.add(r);
                }
            }
            return out;
        }

        JsonNode waitFor(String token, long product, java.util.function.Predicate<JsonNode> want, Duration timeout)
                throws Exception {
            Instant until = Instant.now().plus(timeout);
            while (Instant.now().isBefore(until)) {
                for (JsonNode r : Json.mapper().readTree(get("/api/v1/products/" + product + "/assessments", token).body())) {
                    if (want.test(r)) {
                        return r;
                    }
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no run as wanted after " + timeout);
        }

        JsonNode waitForRun(String token, long run, Duration timeout) throws Exception {
            Instant until = Instant.now().plus(timeout);
            JsonNode last = null;
            while (Instant.now().isBefore(until)) {
                last = Json.mapper().readTree(get("/api/v1/assessments/" + run, token).body());
                if (last.path("status").asText().equals("done") || last.path("status").asText().equals("failed")) {
                    return last;
                }
                Thread.sleep(500);
            }
            throw new AssertionError("run " + run + " not finished after " + timeout + ": " + last);
        }
    }
}
