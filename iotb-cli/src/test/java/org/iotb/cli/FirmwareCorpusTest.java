package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.iotb.model.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-firmware corpus: for every real vendor image of {@code ../shared/samples/firmware} the hand-reviewed
 * expectations of {@code src/test/resources/corpus/expectations.yaml} — the weaknesses `iotb scan firmware` must
 * report (check id and a substring of the evidence) and the silence it must keep (check ids that must not fire at
 * all, or not on given paths). "Fires" means a finding of that check with outcome fail or warning.
 * <p>
 * An expectation marked {@code pending: "<which fix>"} waits for work in progress elsewhere: it is reported as
 * skipped with that reason, and it FAILS once it holds, so that whoever lands the fix removes the mark.
 * <p>
 * After the run, per check, the true positives (expected weaknesses found), false negatives (expected weaknesses
 * missed) and false positives (evidence items where silence was expected) over the whole corpus, pending ones
 * included, are written to {@code target/corpus/precision-recall.md} (docs/benchmarks.md, "Real-firmware precision
 * and recall"). Skips when the sample folder is absent.
 */
@Tag("integration")
class FirmwareCorpusTest {
    private static final Path SAMPLES = Cli.repo().resolve("../shared/samples").normalize();
    private static final Path REPORT = Path.of("target/corpus/precision-recall.md");
    /** check id → {tp, fn, fp, silences kept}, over the corpus, pending expectations included. */
    private static final Map<String, int[]> TALLY = Collections.synchronizedMap(new TreeMap<>());

    @TempDir
    static Path out;

    @TestFactory
    Stream<DynamicNode> realFirmwareCorpus() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES),
                "no " + SAMPLES + ": the real-firmware corpus is not checked (it needs the shared sample folder)");
        JsonNode corpus;
        try (InputStream in = FirmwareCorpusTest.class.getResourceAsStream("/corpus/expectations.yaml")) {
            corpus = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (JsonNode img : corpus.get("images")) {
            String rel = img.get("image").asText();
            nodes.add(DynamicContainer.dynamicContainer(rel, imageTests(rel, img)));
        }
        return nodes.stream();
    }

    /** One scan per image (on first use), then one test per expectation. */
    private static Stream<DynamicNode> imageTests(String rel, JsonNode img) {
        Path image = SAMPLES.resolve(rel);
        JsonNode[] findings = new JsonNode[1];
        java.util.function.Supplier<JsonNode> scan = () -> {
            if (findings[0] == null) {
                findings[0] = scan(image);
            }
            return findings[0];
        };
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode e : img.path("expect")) {
            String check = e.get("check").asText();
            String evidence = e.get("evidence").asText();
            String pending = e.path("pending").asText(null);
            tests.add(DynamicTest.dynamicTest("reports " + check + " '" + evidence + "'"
                    + (pending != null ? " (pending)" : ""), () -> {
                Assumptions.assumeTrue(Files.isRegularFile(image), image + " absent");
                boolean found = !matching(scan.get(), check, null, evidence).isEmpty();
                tally(check, found ? 0 : 1, 1);
                verdict(pending, found, check + " with evidence containing '" + evidence + "' not reported");
            }));
        }
        for (JsonNode s : img.path("silent")) {
            String check = s.get("check").asText();
            String path = s.path("path").asText(null);
            String pending = s.path("pending").asText(null);
            tests.add(DynamicTest.dynamicTest("silent " + check + (path != null ? " on '" + path + "'" : "")
                    + (pending != null ? " (pending)" : ""), () -> {
                Assumptions.assumeTrue(Files.isRegularFile(image), image + " absent");
                List<String> hits = matching(scan.get(), check, path, null);
                tally(check, hits.isEmpty() ? 3 : 2, hits.isEmpty() ? 1 : hits.size());
                verdict(pending, hits.isEmpty(), check + " fired where silence was expected: "
                        + hits.subList(0, Math.min(5, hits.size())) + (hits.size() > 5 ? " …" : ""));
            }));
        }
        return tests.stream();
    }

    /** Holds, or fails; a pending expectation is skipped while it does not hold and fails once it does. */
    private static void verdict(String pending, boolean holds, String failure) {
        if (pending == null) {
            assertThat(holds).as(failure).isTrue();
            return;
        }
        assertThat(holds).as("pending expectation now holds: remove 'pending: " + pending + "' from expectations.yaml")
                .isFalse();
        Assumptions.abort("pending: " + pending);
    }

    private static void tally(String check, int slot, int n) {
        TALLY.computeIfAbsent(check, k -> new int[4])[slot] += n;
    }

    private static JsonNode scan(Path image) {
        Path json = out.resolve(image.getFileName() + ".json");
        Cli run = Cli.run("scan", "firmware", "-q", "--format", "json", "--fail-on", "none", "-o", json.toString(),
                image.toString());
        assertThat(run.exit).as(run.err).isZero();
        try {
            return Json.mapper().readTree(json.toFile()).get("findings");
        } catch (IOException e) {
            throw new AssertionError("unreadable scan output of " + image, e);
        }
    }

    /**
     * The evidence items ("path: excerpt") of fail/warning findings of {@code check} whose path contains
     * {@code path} (null: any) and whose path, excerpt or finding message contains {@code text} (null: any).
     */
    private static List<String> matching(JsonNode findings, String check, String path, String text) {
        List<String> hits = new ArrayList<>();
        for (JsonNode f : findings) {
            String outcome = f.path("outcome").asText();
            if (!f.path("check").asText().equals(check) || !(outcome.equals("fail") || outcome.equals("warning"))) {
                continue;
            }
            String message = f.path("message").asText("");
            JsonNode evidence = f.path("evidence");
            if (evidence.isEmpty() && path == null && (text == null || message.contains(text))) {
                hits.add("(message) " + message);
            }
            for (JsonNode e : evidence) {
                String p = e.path("path").asText("");
                String x = e.path("excerpt").asText("");
                if ((path == null || p.contains(path))
                        && (text == null || p.contains(text) || x.contains(text) || message.contains(text))) {
                    hits.add(p + ": " + x);
                }
            }
        }
        return hits;
    }

    @AfterAll
    static void writePrecisionRecall() throws IOException {
        if (TALLY.isEmpty()) {
            return;
        }
        StringBuilder md = new StringBuilder();
        md.append("| check | true positives | false negatives | false positives (evidence items) | silences kept | precision | recall |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        int[] sum = new int[4];
        synchronized (TALLY) {
            TALLY.forEach((check, t) -> {
                row(md, "`" + check + "`", t);
                for (int i = 0; i < 4; i++) {
                    sum[i] += t[i];
                }
            });
        }
        row(md, "**all**", sum);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, md.toString());
        System.out.println("real-firmware precision and recall (" + REPORT.toAbsolutePath() + "):\n" + md);
    }

    private static void row(StringBuilder md, String name, int[] t) {
        md.append("| ").append(name).append(" | ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2])
                .append(" | ").append(t[3]).append(" | ").append(ratio(t[0], t[0] + t[2])).append(" | ")
                .append(ratio(t[0], t[0] + t[1])).append(" |\n");
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.2f", (double) a / b);
    }
}
