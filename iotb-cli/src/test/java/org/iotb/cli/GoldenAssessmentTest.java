package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.iotb.model.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refactoring guard: `iotb assess` must keep producing the same assessment (verdicts, findings, facts, ICS,
 * JUnit) on the bundled example and on every real image of {@code ../shared/samples/firmware}. The expected
 * outputs are checked in under {@code src/test/resources/golden/}, normalised: timestamps, timings, the tool
 * version and the schema version are dropped, object keys are sorted, and the repository and samples folders are
 * replaced by placeholders. Fields renamed by a deliberate schema change are mapped in {@link #migrate} (each
 * mapping is a documented decision, not a way to make a difference disappear).
 *
 * <p>To accept a deliberate change of results: {@code ./mvnw verify -pl iotb-cli -Dit.test=GoldenAssessmentTest
 * -Diotb.golden.update=true}, then review the diff of the golden files like any other change.
 */
@Tag("integration")
class GoldenAssessmentTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path SAMPLES = Cli.repo().resolve("../shared/samples/firmware").normalize();
    private static final boolean UPDATE = Boolean.getBoolean("iotb.golden.update");

    @TempDir
    static Path out;

    @TestFactory
    Stream<DynamicTest> bundledExample() {
        return Stream.of(
                DynamicTest.dynamicTest("smart-lock 1.4.2 (two units, declarations)", () -> check("example-sl100-1.4.2",
                        "--declarations", Cli.example("declarations.yaml"),
                        "--firmware", Cli.example("firmware/sl100-1.4.2-unit1.bin"),
                        "--firmware", Cli.example("firmware/sl100-1.4.2-unit2.bin"))),
                DynamicTest.dynamicTest("smart-lock 1.5.0", () -> check("example-sl100-1.5.0",
                        "--declarations", Cli.example("declarations.yaml"),
                        "--firmware", Cli.example("firmware/sl100-1.5.0.bin"))),
                DynamicTest.dynamicTest("declarations only", () -> check("example-declarations-only",
                        "--declarations", Cli.example("declarations.yaml"), "--declarations-only")));
    }

    @TestFactory
    Stream<DynamicTest> realSampleImages() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "no " + SAMPLES + ": the real-image golden files are not compared");
        List<Path> images = new ArrayList<>();
        for (String dir : List.of(".", "real-extra", "vendor-containers")) {
            Path d = SAMPLES.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(Files::isRegularFile).sorted().forEach(images::add);
                }
            }
        }
        return images.stream().map(img -> DynamicTest.dynamicTest(SAMPLES.relativize(img).toString(),
                () -> check("sample-" + SAMPLES.relativize(img).toString().replace('/', '_'), "--firmware", img.toString())));
    }

    private static void check(String name, String... inputs) throws IOException {
        Path dir = out.resolve(name);
        List<String> args = new ArrayList<>(List.of("assess", "-q", "--profile", Cli.example("profile.yaml"),
                "--format", "json,junit,ics", "-o", dir.toString()));
        args.addAll(List.of(inputs));
        Cli run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exit).as(run.err).isIn(0, 1, 2);
        if (run.exit == 2) { // an image nothing could be extracted from: the reports are written, the run is no success
            assertThat(run.err).contains("no input could be examined");
        }
        String actual = normalised(dir);
        Path golden = GOLDEN.resolve(name + ".json.gz");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(golden))) {
                o.write(actual.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        assertThat(golden).as("golden file (make it with -Diotb.golden.update=true)").exists();
        String expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(golden))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Path saved = Path.of("target/golden-actual").resolve(name + ".json");
            Files.createDirectories(saved.getParent());
            Files.writeString(saved, actual);
            throw new AssertionError("normalised output of " + name + " differs from " + golden + firstDifference(expected, actual)
                    + "\n(actual saved in " + saved.toAbsolutePath() + "; compare with: diff <(zcat " + golden.toAbsolutePath()
                    + ") " + saved.toAbsolutePath() + ")");
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end>";
            String al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) {
                return "\nfirst difference at line " + (i + 1) + ":\n- " + abbreviate(el) + "\n+ " + abbreviate(al);
            }
        }
        return "";
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    /** The outputs the golden file holds, as one canonical JSON text. */
    static String normalised(Path dir) throws IOException {
        ObjectNode all = Json.mapper().createObjectNode();
        JsonNode assessment = Json.mapper().readTree(dir.resolve("assessment.json").toFile());
        ObjectNode a = (ObjectNode) assessment;
        a.remove(List.of("createdAt", "schemaVersion", "timings"));
        if (a.get("tool") instanceof ObjectNode tool) {
            tool.remove("version");
        }
        // New in schema 2.0, not in the golden form: the conformance statements (their CSV renderings, the
        // ics-*.csv files, are compared below byte for byte) and each level's label (catalog data, "Xiaomi security
        // level", which 1.0 hard-coded in the renderers).
        a.remove("conformance");
        if (a.get("levels") instanceof ObjectNode levels) {
            levels.forEach(l -> ((ObjectNode) l).remove("label"));
        }
        migrate(a);
        all.set("assessment", a);
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String f = p.getFileName().toString();
                if (f.startsWith("ics-") && f.endsWith(".csv")) {
                    texts.put(f, Files.readString(p));
                } else if (f.equals("junit.xml")) {
                    texts.put(f, Files.readString(p).replaceAll(" timestamp=\"[^\"]*\"", "").replaceAll(" time=\"[^\"]*\"", ""));
                }
            }
        }
        ObjectNode t = all.putObject("files");
        texts.forEach(t::put);
        Object canonical = Json.mapper().treeToValue(all, Object.class);
        String text = Json.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .writerWithDefaultPrettyPrinter().writeValueAsString(canonical);
        // Some judgements are stated "as of" the run's date (end-of-life release lines): the date is the run's.
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        // The vulnerability data's age (schema 3.1, "vulnerabilityData") grows by a day every day: counted as $AGE.
        return text.replace(SAMPLES.toString(), "$SAMPLES").replace(Cli.repo().toString(), "$REPO")
                .replace("as of " + today, "as of $TODAY")
                .replaceAll("(newest \\d{4}-\\d{2}-\\d{2}), \\d+ days? old", "$1, \\$AGE days old")
                .replaceAll("(\"ageDays\" : )\\d+", "$1\"\\$AGE\"");
    }

    /**
     * Maps fields of the checked-in golden form (schema 1.0) that a later schema renamed or moved, so the golden
     * files keep proving the content unchanged: {@code assessment} is the new output, and each mapping turns it
     * back into the 1.0 form the golden files hold.
     */
    static void migrate(ObjectNode assessment) {
        // 2.0: the one Xiaomi-shaped "xiaomiLevel" {level, reason} became "levels", a level per standard that has a
        // level scheme ({"xiaomi-iot-baseline": {label, level, reason}}; the label is dropped in normalised()).
        // The bundled catalog has one such standard, so levels["xiaomi-iot-baseline"] is 1.0's xiaomiLevel.
        JsonNode levels = assessment.remove("levels");
        JsonNode xiaomi = levels == null ? null : levels.get("xiaomi-iot-baseline");
        assessment.set("xiaomiLevel", xiaomi == null ? assessment.nullNode() : xiaomi);
        // 2.0: the profile trees (profile.declared, profile.effective) name a section's keys as the profile file
        // does, since the keys are catalog data: xiaomi.personal-data, integrity-impact and availability-impact
        // were 1.0's Java field names personalData, integrityImpact, availabilityImpact (categories is unchanged).
        if (assessment.get("profile") instanceof ObjectNode profile) {
            for (String tree : List.of("declared", "effective")) {
                if (profile.get(tree) instanceof ObjectNode p && p.get("xiaomi") instanceof ObjectNode x) {
                    rename(x, "personal-data", "personalData");
                    rename(x, "integrity-impact", "integrityImpact");
                    rename(x, "availability-impact", "availabilityImpact");
                }
            }
        }
    }

    private static void rename(ObjectNode o, String from, String to) {
        JsonNode v = o.remove(from);
        if (v != null) {
            o.set(to, v);
        }
    }
}
