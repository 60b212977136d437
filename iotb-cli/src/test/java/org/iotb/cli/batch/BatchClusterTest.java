package org.iotb.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.iotb.model.Json;
import org.iotb.store.blob.LocalBlobStore;
import org.iotb.store.testing.PostgresCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16's "done when": a batch of 40 images (variants of the example's 1.4.2 root file system, each with its
 * own /etc/variant, rebuilt with mksquashfs) on three `iotb worker` JVMs against a real PostgreSQL, one worker
 * killed with SIGKILL while it holds a job. Every image must be assessed exactly once (one attempt that finished
 * "done" per image; the killed worker's attempt never finished and another worker did the job), the results must
 * equal `iotb assess` on each image alone (a sample, the killed job's image among them), and running the batch
 * again must reuse every result.
 */
@Tag("integration")
class BatchClusterTest {
    static final int IMAGES = 40;
    static final String[] GROUPS = {"vendor-a/cam", "vendor-a/lock", "vendor-b/plug", "vendor-c/hub"};

    @TempDir
    Path dir;
    final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        processes.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    @Test
    void fortyImagesOnThreeWorkersOneKilledEachAssessedOnceAsAssessWouldAlone() throws Exception {
        Path images = variants(dir.resolve("corpus"));
        Path list = dir.resolve("images.txt");
        List<String> lines = new ArrayList<>();
        try (var walk = Files.walk(images)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> lines.add(p.toString()));
        }
        assertThat(lines).hasSize(IMAGES);
        Files.write(list, lines);

        try (PostgresCluster pg = PostgresCluster.start()) {
            String db = pg.newDatabaseUrl();
            Path data = dir.resolve("shared-data");
            for (int i = 1; i <= 3; i++) {
                worker(db, data, "w" + i);
            }
            Path out = dir.resolve("out");
            Process batch = iotb(dir.resolve("batch.log"), "batch", list.toString(), "--profile", example("profile.yaml"),
                    "--declarations", example("declarations.yaml"), "-o", out.toString(), "--db", db, "--data", data.toString(),
                    "--group-by", "corpus/(.+)/[^/]+$");

            // kill w1 while it holds a job
            String killedKey = waitForRunningJobOf(db, "w1", 240);
            Process w1 = processes.get(0);
            w1.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no goodbye to the queue
            assertThat(w1.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(batch.waitFor(600, TimeUnit.SECONDS)).as("batch finished; log: " + Files.readString(dir.resolve("batch.log"))).isTrue();
            assertThat(batch.exitValue()).as("every image assessed, the example fails mandatory requirements: exit 1; log: "
                    + Files.readString(dir.resolve("batch.log"))).isEqualTo(1);

            JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
            assertThat(summary.path("images")).hasSize(IMAGES);
            for (JsonNode e : summary.path("images")) {
                assertThat(e.path("status").asText()).as(e.toString()).isEqualTo("done");
                assertThat(e.path("reused").asBoolean()).isFalse();
                assertThat(e.path("sha256").asText()).hasSize(64);
                assertThat(e.path("failedMandatory").size()).isEqualTo(3);
                List<String> fields = new ArrayList<>();
                e.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).containsExactly("image", "sha256", "status", "failedMandatory", "durationSeconds", "reused");
            }
            assertThat(Files.readString(out.resolve("summary.csv")).lines()).hasSize(IMAGES + 1);
            String overview = Files.readString(out.resolve("overview.html"));
            for (String g : GROUPS) {
                assertThat(overview).as("grouped by vendor/product line").contains("<h3>Group " + g + "</h3>");
            }

            // exactly once: one "done" attempt per result; the killed attempt never finished; another worker did it
            Map<String, List<String[]>> attempts = attempts(db);
            assertThat(attempts).hasSize(IMAGES);
            for (var a : attempts.entrySet()) {
                assertThat(a.getValue().stream().filter(x -> "done".equals(x[1])).count()).as(a.getKey()).isEqualTo(1);
                assertThat(a.getValue().stream().filter(x -> "failed".equals(x[1]) || "superseded".equals(x[1])).count())
                        .as(a.getKey()).isZero();
            }
            List<String[]> killed = attempts.get(killedKey);
            assertThat(killed).as("the killed job ran twice").hasSize(2);
            assertThat(killed.get(0)[0]).isEqualTo("w1");
            assertThat(killed.get(0)[1]).as("w1's attempt never finished").isNull();
            assertThat(killed.get(1)[0]).isIn("w2", "w3");
            assertThat(killed.get(1)[1]).isEqualTo("done");
            assertThat(count(db, "SELECT count(*) FROM batch_tasks")).as("no job left on the queue").isZero();

            // equal to iotb assess alone: the killed job's image and two others
            Map<String, String> resultOfImage = resultsByImage(db);
            Map<String, String> imageOfKey = new HashMap<>();
            resultOfImage.forEach((image, key) -> imageOfKey.put(key.split(" ")[0], image));
            List<String> sample = new ArrayList<>(List.of(imageOfKey.get(killedKey)));
            for (String line : List.of(lines.get(0), lines.get(IMAGES - 1))) {
                if (!sample.contains(line)) {
                    sample.add(line);
                }
            }
            try (LocalBlobStore blobs = LocalBlobStore.inDataDir(data)) {
                for (String image : sample) {
                    Path alone = dir.resolve("alone-" + Path.of(image).getFileName());
                    Process p = iotb(dir.resolve("assess.log"), "assess", "-q", "--profile", example("profile.yaml"), "--declarations",
                            example("declarations.yaml"), "--firmware", image, "--format", "json", "-o", alone.toString());
                    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
                    assertThat(p.exitValue()).isEqualTo(1);
                    JsonNode expected = Json.mapper().readTree(alone.resolve("assessment.json").toFile());
                    JsonNode actual;
                    try (InputStream in = blobs.open(resultOfImage.get(image).split(" ")[1])) {
                        actual = Json.mapper().readTree(in);
                    }
                    assertThat(verdicts(actual)).as(image).isEqualTo(verdicts(expected));
                    assertThat(failedMandatory(actual)).as(image).isEqualTo(failedMandatory(expected));
                    JsonNode entry = entryFor(summary, image);
                    assertThat(Json.mapper().convertValue(entry.path("failedMandatory"), Map.class)).isEqualTo(failedMandatory(expected));
                }
            }

            // the same batch again: nothing runs twice
            Path again = dir.resolve("again");
            Process rerun = iotb(dir.resolve("again.log"), "batch", list.toString(), "--profile", example("profile.yaml"),
                    "--declarations", example("declarations.yaml"), "-o", again.toString(), "--db", db, "--data", data.toString());
            assertThat(rerun.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(rerun.exitValue()).isEqualTo(1);
            JsonNode second = Json.mapper().readTree(again.resolve("summary.json").toFile());
            for (JsonNode e : second.path("images")) {
                assertThat(e.path("reused").asBoolean()).as(e.toString()).isTrue();
            }
            assertThat(attempts(db).values().stream().mapToInt(List::size).sum()).as("no new attempt").isEqualTo(IMAGES + 1);
        }
    }

    // ---- the corpus

    /** 40 squashfs images: the example's 1.4.2 root file system plus /etc/variant, in four vendor/product folders. */
    static Path variants(Path corpus) throws Exception {
        String unsquashfs = require("unsquashfs");
        String mksquashfs = require("mksquashfs");
        byte[] firmware = Files.readAllBytes(Path.of(example("firmware/sl100-1.4.2-unit1.bin")));
        int offset = 0x10000; // the root file system's place in the example's flash layout (scripts/make-example-firmware.sh)
        assertThat(new String(firmware, offset, 4, StandardCharsets.ISO_8859_1)).isEqualTo("hsqs");
        long used = ByteBuffer.wrap(firmware, offset + 40, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Path work = Files.createDirectories(corpus.resolveSibling("rootfs-work"));
        Path sqfs = work.resolve("root.sqfs");
        Files.write(sqfs, java.util.Arrays.copyOfRange(firmware, offset, offset + (int) used));
        Path root = work.resolve("root");
        run(work, unsquashfs, "-q", "-no-xattrs", "-d", root.toString(), sqfs.toString());
        for (int i = 0; i < IMAGES; i++) {
            Files.writeString(root.resolve("etc/variant"), "variant " + i + "\n");
            Path image = Files.createDirectories(corpus.resolve(GROUPS[i % GROUPS.length])).resolve(String.format("fw-%02d.sqfs", i));
            run(work, mksquashfs, root.toString(), image.toString(), "-comp", "gzip", "-noappend", "-all-root", "-quiet",
                    "-no-progress", "-mkfs-time", "0", "-all-time", "0", "-no-xattrs");
        }
        return corpus;
    }

    // ---- processes

    static String example(String file) {
        return Path.of("..").toAbsolutePath().normalize().resolve("examples/smart-lock").resolve(file).toString();
    }

    Process worker(String db, Path data, String name) throws IOException {
        return iotb(dir.resolve(name + ".log"), "worker", "--db", db, "--data", data.toString(), "--name", name,
                "--threads", "1", "--heartbeat", "1s", "--poll", "500ms", "--stop-grace", "5s");
    }

    /** iotb in its own JVM, from the classes this test runs with. */
    Process iotb(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.iotb.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        processes.add(p);
        return p;
    }

    static void run(Path cwd, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

    static String require(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(File.pathSeparator)) {
            if (new File(d, tool).canExecute()) {
                return new File(d, tool).getAbsolutePath();
            }
        }
        assumeTrue(false, tool + " not found: install squashfs-tools to run the cluster test");
        return null;
    }

    // ---- the database

    static String waitForRunningJobOf(String db, String worker, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT result_key, worker FROM batch_result WHERE status = 'running'")) {
                while (rs.next()) {
                    if (worker.equals(rs.getString(2))) {
                        return rs.getString(1);
                    }
                }
            } catch (java.sql.SQLException notYet) {
                // the batch tables appear with the first process that opens the database
            }
            Thread.sleep(200);
        }
        throw new AssertionError(worker + " never ran a job within " + seconds + " s");
    }

    /** Per result key: its attempts in order, each {worker, outcome}. */
    static Map<String, List<String[]>> attempts(String db) throws Exception {
        Map<String, List<String[]>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT result_key, worker, outcome FROM batch_attempt ORDER BY started_at")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    /** Image path as given → "resultKey assessmentSha256". */
    static Map<String, String> resultsByImage(String db) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT i.image, r.result_key, r.assessment_sha256 FROM batch_item i"
                     + " JOIN batch_result r ON r.result_key = i.result_key")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }

    static long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- comparing assessments

    static Map<String, String> verdicts(JsonNode assessment) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode v : assessment.path("verdicts")) {
            out.put(v.path("standard").asText() + ":" + v.path("requirement").asText(),
                    v.path("verdict").asText() + "/" + v.path("basis").asText() + "/" + v.path("conflict").asBoolean());
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    static Map<String, Integer> failedMandatory(JsonNode assessment) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (JsonNode s : assessment.path("summary")) {
            out.put(s.path("standard").asText(), s.path("mandatoryFailures").size());
        }
        return out;
    }

    static JsonNode entryFor(JsonNode summary, String image) {
        for (JsonNode e : summary.path("images")) {
            if (e.path("image").asText().equals(image)) {
                return e;
            }
        }
        throw new AssertionError("no summary entry for " + image);
    }
}
