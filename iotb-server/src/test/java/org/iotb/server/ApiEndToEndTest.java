package org.iotb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotb.server.api.ApiJson;
import org.iotb.store.db.Database;
import org.iotb.store.testing.HostileArchives;
import org.iotb.store.testing.Fixtures;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.Product;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over HTTP on the real DatabaseWorkspace and job queue: authorisation by guessed ids, CSRF, path traversal
 * in downloads, the upload limit, hostile archives, parallel uploads, tokens, and the example firmware assessed and
 * downloaded in every report format. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiEndToEndTest {
    static final long UPLOAD_LIMIT = 4L * 1024 * 1024;

    Path tmp;
    WorkspaceServer server;
    Product productA;
    Product productB;
    AssessmentRun runB;

    abstract Database.Kind kind();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        server = new WorkspaceServer(kind(), tmp.resolve("data"), UPLOAD_LIMIT);
        var ws = server.stack.workspace();
        productA = ws.createProduct(server.admin, server.orgA.id(), "Lock A", Fixtures.exampleProfile());
        productB = ws.createProduct(server.admin, server.orgB.id(), "Lock B", Fixtures.exampleProfile());
        runB = ws.uploadFirmware(server.admin, productB.id(), "1.0", "b.bin",
                new java.io.ByteArrayInputStream("not firmware at all".getBytes()));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return ApiJson.mapper().readTree(r.body());
    }

    @Test
    void aClientViewerGuessingAnotherOrganisationsIdsGetsNotFoundEverywhere() throws Exception {
        Http viewer = server.login("viewer-a");
        long p = productB.id();
        long run = runB.id();
        long version = runB.firmwareVersionId();
        for (String get : List.of("/api/v1/products/" + p, "/api/v1/products/" + p + "/versions",
                "/api/v1/products/" + p + "/assessments", "/api/v1/products/" + p + "/declarations",
                "/api/v1/products/" + p + "/declarations/history", "/api/v1/assessments/" + run,
                "/api/v1/assessments/" + run + "/events", "/api/v1/assessments/" + run + "/assessment",
                "/api/v1/assessments/" + run + "/reports/html", "/api/v1/assessments/" + run + "/reports/pdf",
                "/api/v1/assessments/" + run + "/reviews")) {
            HttpResponse<String> r = viewer.get(get);
            assertThat(r.statusCode()).as("GET " + get).isEqualTo(404);
            assertThat(r.body()).as(get).doesNotContain("Lock B");
        }
        String profile = "{\"profileYaml\":" + ApiJson.write(Fixtures.exampleProfile()) + "}";
        String declarations = "{\"yaml\":" + ApiJson.write(Fixtures.exampleDeclarations()) + "}";
        assertThat(viewer.method("PUT", "/api/v1/products/" + p + "/profile", profile).statusCode()).isEqualTo(404);
        assertThat(viewer.postJson("/api/v1/products/" + p + "/declarations", declarations).statusCode()).isEqualTo(404);
        assertThat(viewer.postJson("/api/v1/versions/" + version + "/reassess", "").statusCode()).isEqualTo(404);
        assertThat(viewer.postJson("/api/v1/assessments/" + run + "/retry", "").statusCode()).isEqualTo(404);
        assertThat(viewer.postJson("/api/v1/assessments/" + run + "/reviews", "{\"decision\":\"approved\"}").statusCode()).isEqualTo(404);
        assertThat(viewer.upload("/api/v1/products/" + p + "/versions", "9.9", "x.bin", new byte[] {1, 2, 3}).statusCode()).isEqualTo(404);
        // their own organisation's product is there, the other one is not listed
        assertThat(viewer.get("/api/v1/products/" + productA.id()).statusCode()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/products").body()).contains("Lock A").doesNotContain("Lock B");
        assertThat(viewer.get("/").body()).contains("Lock A").doesNotContain("Lock B");
    }

    @Test
    void adminRoutesRefuseAnAssessorAndEverythingRefusesStrangers() throws Exception {
        Http assessor = server.login("assessor");
        assertThat(assessor.postJson("/api/v1/users", "{\"username\":\"mallory\",\"password\":\"long enough pw\",\"role\":\"admin\"}")
                .statusCode()).isEqualTo(403);
        assertThat(assessor.postJson("/api/v1/organisations", "{\"name\":\"Org C\"}").statusCode()).isEqualTo(403);
        Http stranger = new Http(server.url());
        for (String get : List.of("/api/v1/me", "/api/v1/products", "/api/v1/users", "/api/v1/audit",
                "/api/v1/products/" + productA.id(), "/api/v1/assessments/" + runB.id() + "/reports/json")) {
            HttpResponse<String> r = stranger.get(get);
            assertThat(r.statusCode()).as(get).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
        HttpResponse<String> page = stranger.get("/");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        Http admin = server.login("admin");
        assertThat(json(admin.get("/api/v1/users")).size()).isGreaterThanOrEqualTo(5);
        assertThat(json(admin.get("/api/v1/audit?limit=5")).size()).isBetween(1, 5);
    }

    @Test
    void stateChangesWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
        Http assessor = server.login("assessor");
        String body = "{\"organisationId\":" + server.orgA.id() + ",\"name\":\"CSRF probe\",\"profileYaml\":"
                + ApiJson.write(Fixtures.exampleProfile()) + "}";
        HttpResponse<String> none = assessor.send(assessor.request("/api/v1/products").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(none.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = assessor.send(assessor.request("/api/v1/products").header("Content-Type", "application/json")
                .header("X-CSRF-Token", "forged").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> form = assessor.postForm("/logout", java.util.Map.of("_csrf", "forged"));
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(assessor.get("/api/v1/products").body()).doesNotContain("CSRF probe");
        HttpResponse<String> right = assessor.postJson("/api/v1/products", body);
        assertThat(right.statusCode()).isEqualTo(201);
        assertThat(json(right).path("name").asText()).isEqualTo("CSRF probe");
    }

    @Test
    void anApiTokenFromBasicCredentialsWorksWithoutCsrfAndAWrongOneIsRefused() throws Exception {
        Http script = new Http(server.url());
        String basic = Base64.getEncoder().encodeToString(("assessor:" + WorkspaceServer.PASSWORD).getBytes());
        HttpResponse<String> created = script.send(script.request("/api/v1/tokens").header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ci\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        String token = json(created).path("token").asText();
        assertThat(token).isNotBlank();
        HttpResponse<String> me = script.send(script.request("/api/v1/me").header("Authorization", "Bearer " + token).GET());
        assertThat(json(me).path("username").asText()).isEqualTo("assessor");
        assertThat(json(me).path("role").asText()).isEqualTo("assessor");
        HttpResponse<String> save = script.send(script.request("/api/v1/products/" + productA.id() + "/declarations")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"yaml\":" + ApiJson.write(Fixtures.exampleDeclarations())
                        + ",\"comment\":\"by token\"}")));
        assertThat(save.statusCode()).as(save.body()).isEqualTo(201);
        HttpResponse<String> forged = script.send(script.request("/api/v1/me").header("Authorization", "Bearer iotb_forged").GET());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void downloadsCannotBeSteeredOutsideTheWorkspace() throws Exception {
        Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        Http viewer = server.login("admin");
        long run = runB.id();
        for (String path : List.of("/api/v1/assessments/" + run + "/reports/..%2F..%2Fsecret.txt",
                "/api/v1/assessments/" + run + "/reports/%2Fetc%2Fpasswd",
                "/api/v1/assessments/" + run + "/reports/html%2F..%2F..%2Fsecret.txt",
                "/api/v1/assessments/..%2F" + run + "/reports/html",
                "/api/v1/assessments/" + run + "/reports/../../../secret.txt",
                "/api/v1/assessments/" + run + "/reports/pdf%00.txt",
                "/api/v1/assessments/-1/reports/json", "/api/v1/assessments/1e3/reports/json",
                "/static/..%2F..%2Fsecret.txt", "/static/../../../../etc/passwd")) {
            HttpResponse<String> r = viewer.get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("TOP-SECRET").doesNotContain("root:");
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() throws Exception {
        Http assessor = server.login("assessor");
        HttpResponse<String> r = assessor.upload("/api/v1/products/" + productA.id() + "/versions", "big", "big.bin",
                new byte[(int) UPLOAD_LIMIT + 2 * 1024 * 1024]);
        assertThat(r.statusCode()).isEqualTo(413);
        HttpResponse<String> justOver = assessor.upload("/api/v1/products/" + productA.id() + "/versions", "big2", "big.bin",
                new byte[(int) UPLOAD_LIMIT + 10]);
        assertThat(justOver.statusCode()).isEqualTo(413);
        assertThat(assessor.get("/api/v1/products/" + productA.id() + "/versions").body()).doesNotContain("\"big");
    }

    @Test
    void hostileArchivesEndAsRunsAndTheServerStaysUp() throws Exception {
        Http assessor = server.login("assessor");
        List<Long> runs = new ArrayList<>();
        for (var archive : HostileArchives.all(tmp.resolve("hostile")).entrySet()) {
            HttpResponse<String> r = assessor.upload("/api/v1/products/" + productA.id() + "/versions",
                    "hostile-" + archive.getKey(), archive.getKey(), archive.getValue());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            runs.add(json(r).path("id").asLong());
        }
        for (long run : runs) {
            JsonNode done = waitFinished(assessor, run, Duration.ofMinutes(4));
            assertThat(done.path("status").asText()).isIn("done", "failed");
        }
        assertThat(new Http(server.url()).get("/health").statusCode()).isEqualTo(200);
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).doesNotContain("evil.txt", "victim-file");
        }
        assertThat(HostileArchives.victim(tmp.resolve("hostile"))).isEmptyDirectory();
    }

    @Test
    void tenParallelUploadsMakeTenRuns() throws Exception {
        Http assessor = server.login("assessor");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                results.add(pool.submit(() -> assessor.upload("/api/v1/products/" + productA.id() + "/versions",
                        "parallel-" + n, "p" + n + ".bin", ("image number " + n).getBytes())));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<HttpResponse<String>> f : results) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                ids.add(json(r).path("id").asLong());
            }
            assertThat(ids).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(json(assessor.get("/api/v1/products/" + productA.id() + "/versions")).findValuesAsText("version"))
                .filteredOn(v -> v.startsWith("parallel-")).hasSize(10);
    }

    @Test
    void theExampleFirmwareIsAssessedAndEveryReportDownloads() throws Exception {
        Http assessor = server.login("assessor");
        byte[] image = Files.readAllBytes(Fixtures.exampleImage("sl100-1.5.0.bin"));
        HttpResponse<String> up = assessor.upload("/api/v1/products/" + productA.id() + "/versions", "1.5.0",
                "../../sl100-1.5.0.bin", image);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(202);
        long run = json(up).path("id").asLong();
        assertThat(up.headers().firstValue("Location")).hasValue("/api/v1/assessments/" + run);
        JsonNode done = waitFinished(assessor, run, Duration.ofMinutes(8));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(json(assessor.get("/api/v1/products/" + productA.id() + "/versions")).findValuesAsText("fileName"))
                .contains("sl100-1.5.0.bin");
        HttpResponse<String> events = assessor.get("/api/v1/assessments/" + run + "/events");
        assertThat(events.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(events.body()).contains("event: status\ndata: {").contains("\"status\":\"done\"").contains("event: end");
        HttpResponse<byte[]> pdf = assessor.getBytes("/api/v1/assessments/" + run + "/reports/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"iotb-assessment-" + run + "-report.pdf\"");
        for (String format : org.iotb.store.workspace.ReportFormats.all().keySet()) {
            HttpResponse<byte[]> r = assessor.getBytes("/api/v1/assessments/" + run + "/reports/" + format);
            assertThat(r.statusCode()).as(format).isEqualTo(200);
            assertThat(r.body().length).as(format).isGreaterThan(100);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).as(format)
                    .isEqualTo(org.iotb.store.workspace.ReportFormats.of(format).contentType().replace(" ", ""));
            assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).as(format)
                    .matches("attachment; filename=\"iotb-assessment-" + run + "-[a-z0-9.-]+\"");
        }
        JsonNode assessment = ApiJson.mapper().readTree(assessor.get("/api/v1/assessments/" + run + "/assessment").body());
        assertThat(assessment.path("schemaVersion").asText("")).isNotEmpty();
        // the reviewer signs off; the assessor who ran it may not
        assertThat(assessor.postJson("/api/v1/assessments/" + run + "/reviews", "{\"decision\":\"approved\"}").statusCode())
                .isEqualTo(403);
        Http reviewer = server.login("reviewer");
        assertThat(reviewer.postJson("/api/v1/assessments/" + run + "/reviews", "{\"decision\":\"approved\",\"comment\":\"ok\"}")
                .statusCode()).isEqualTo(201);
        assertThat(json(reviewer.get("/api/v1/assessments/" + run)).path("reviewStatus").asText()).isEqualTo("approved");
        String metrics = new Http(server.url()).get("/metrics").body();
        assertThat(metrics).containsPattern("iotb_assessments\\{status=\"done\"} [1-9]")
                .contains("route=\"/api/v1/assessments/{id}/reports/{format}\"");
    }

    static JsonNode waitFinished(Http h, long run, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = ApiJson.mapper().readTree(h.get("/api/v1/assessments/" + run).body());
            String status = last.path("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run " + run + " not finished after " + timeout + ": " + last);
    }
}
