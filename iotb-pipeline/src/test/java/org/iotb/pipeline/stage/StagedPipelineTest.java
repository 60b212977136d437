package org.iotb.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.catalog.Catalog;
import org.iotb.model.Json;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.AssessmentRequest;
import org.iotb.pipeline.PipelineListener;
import org.iotb.sbom.vuln.VulnDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staged pipeline on the bundled example (both 1.4.2 units, with declarations): the same assessment as
 * {@link AssessmentPipeline#run}, and a re-run does only the stages whose inputs changed.
 */
@Tag("integration")
class StagedPipelineTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "smart-lock").toAbsolutePath().normalize();
    private static AssessmentPipeline pipeline;

    @TempDir
    Path work;

    @BeforeAll
    static void loadTheCatalogOnce() {
        pipeline = new AssessmentPipeline(Catalog.load());
    }

    /** Counts the unpacker's runs (the workspace announces each one) and keeps the store's warnings. */
    static final class Events implements PipelineListener, StageListener {
        int unpacked;
        final List<String> rejected = new ArrayList<>();

        @Override
        public void stageStarted(String stage) {
            if (stage.startsWith("unpacking ")) {
                unpacked++;
            }
        }

        @Override
        public void progress(String status) {
        }

        @Override
        public void stageDone(String summary) {
        }

        @Override
        public void stageFinished(StageOutcome outcome) {
        }

        @Override
        public void outputRejected(Stage stage, String subject, StageKey key, String why) {
            rejected.add(stage.id() + " " + subject + ": " + why);
        }
    }

    /**
     * The assessment JSON without what differs between two runs of the same inputs: createdAt, timings, and the order
     * of object keys (a finding's data is an immutable map whose order is not its own: it differs between JVMs, and
     * between a map and the same map read back; the golden test sorts keys too).
     */
    static String normalised(Assessment a) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = Json.mapper().readValue(a.toJson(), Map.class);
        tree.remove("createdAt");
        tree.remove("timings");
        return Json.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .writeValueAsString(tree);
    }

    /** The length of a stored output's header line with its newline. */
    private static int headerLength(byte[] stored) {
        int nl = 0;
        while (stored[nl] != '\n') {
            nl++;
        }
        return nl + 1;
    }

    private AssessmentRequest request(Path declarations, Path vulnStore) throws IOException {
        Path unit1 = EXAMPLE.resolve("firmware/sl100-1.4.2-unit1.bin");
        Path unit2 = work.resolve("unit2").resolve(unit1.getFileName());
        if (!Files.exists(unit2)) {
            Files.createDirectories(unit2.getParent());
            Files.copy(EXAMPLE.resolve("firmware/sl100-1.4.2-unit2.bin"), unit2);
        }
        return new AssessmentRequest(EXAMPLE.resolve("profile.yaml"), declarations, List.of(unit1, unit2), List.of(),
                null, vulnStore, null);
    }

    private StagedRun staged(StageStore store, AssessmentRequest request, Events events) throws IOException {
        return new StagedPipeline(pipeline, store).run(request, events, events);
    }

    @Test
    void aRerunWithTheSameInputsReusesEveryStageAndGivesTheSameAssessment() throws Exception {
        AssessmentRequest request = request(EXAMPLE.resolve("declarations.yaml"), work.resolve("vulndb"));
        String direct = normalised(pipeline.run(request, PipelineListener.NONE));
        DirectoryStageStore store = new DirectoryStageStore(work.resolve("cache"));

        Events first = new Events();
        StagedRun computed = staged(store, request, first);
        assertThat(computed.stages()).extracting(StageOutcome::status).containsOnly(StageOutcome.Status.COMPUTED);
        assertThat(computed.of(Stage.EVIDENCE)).hasSize(2);
        assertThat(computed.of(Stage.MATCH)).hasSize(2);
        assertThat(computed.of(Stage.VERDICTS)).hasSize(1);
        assertThat(first.unpacked).isEqualTo(2);
        assertThat(normalised(computed.assessment())).isEqualTo(direct);

        Events second = new Events();
        StagedRun reused = staged(store, request, second);
        assertThat(reused.allReused()).isTrue();
        assertThat(reused.stages()).hasSize(5);
        assertThat(second.unpacked).isZero();
        assertThat(reused.storeWarnings()).isEmpty();
        assertThat(normalised(reused.assessment())).isEqualTo(direct);
    }

    @Test
    void changedDeclarationsReRunOnlyTheVerdicts() throws Exception {
        DirectoryStageStore store = new DirectoryStageStore(work.resolve("cache"));
        AssessmentRequest before = request(EXAMPLE.resolve("declarations.yaml"), work.resolve("vulndb"));
        Assessment old = staged(store, before, new Events()).assessment();
        // the same declarations beside the document they cite, with one answer changed
        Path edited = Files.createDirectories(work.resolve("decl")).resolve("declarations.yaml");
        Files.createDirectories(edited.resolveSibling("docs"));
        Files.copy(EXAMPLE.resolve("docs/provisioning.md"), edited.resolveSibling("docs/provisioning.md"));
        String text = Files.readString(EXAMPLE.resolve("declarations.yaml"), StandardCharsets.UTF_8);
        assertThat(text).contains("\"5.2-3\": {support: N,");
        Files.writeString(edited, text.replace("\"5.2-3\": {support: N,", "\"5.2-3\": {support: Y,"));
        AssessmentRequest after = request(edited, work.resolve("vulndb"));

        Events events = new Events();
        StagedRun run = staged(store, after, events);

        assertThat(run.reused(Stage.EVIDENCE)).isTrue();
        assertThat(run.reused(Stage.MATCH)).isTrue();
        assertThat(run.of(Stage.VERDICTS)).extracting(StageOutcome::status).containsExactly(StageOutcome.Status.COMPUTED);
        assertThat(events.unpacked).as("the unpacker ran").isZero();
        assertThat(normalised(run.assessment())).isEqualTo(normalised(pipeline.run(after, PipelineListener.NONE)))
                .isNotEqualTo(normalised(old));
    }

    @Test
    void newVulnerabilityDataReRunsTheMatchAndTheVerdictsNotTheEvidence() throws Exception {
        DirectoryStageStore store = new DirectoryStageStore(work.resolve("cache"));
        staged(store, request(EXAMPLE.resolve("declarations.yaml"), work.resolve("vulndb")), new Events());
        // a second store: the first (the bundled starter set) with one record more
        Path feed = work.resolve("osv-busybox.json");
        Files.writeString(feed, """
                [{"id": "CVE-2099-0001", "summary": "busybox test record (staged pipeline test)",
                  "modified": "2026-01-01T00:00:00Z",
                  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                  "affected": [{"package": {"ecosystem": "GIT", "name": "busybox"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "9.0"}]}]}],
                  "references": [{"type": "WEB", "url": "https://example.org/CVE-2099-0001"}]}]
                """);
        VulnDb.open(work.resolve("vulndb2")).importFile(feed);
        AssessmentRequest newer = request(EXAMPLE.resolve("declarations.yaml"), work.resolve("vulndb2"));

        Events events = new Events();
        StagedRun run = staged(store, newer, events);

        assertThat(run.reused(Stage.EVIDENCE)).isTrue();
        assertThat(events.unpacked).isZero();
        assertThat(run.of(Stage.MATCH)).extracting(StageOutcome::status).containsOnly(StageOutcome.Status.COMPUTED);
        assertThat(run.of(Stage.VERDICTS)).extracting(StageOutcome::status).containsOnly(StageOutcome.Status.COMPUTED);
        String direct = normalised(pipeline.run(newer, PipelineListener.NONE));
        assertThat(normalised(run.assessment())).isEqualTo(direct).contains("CVE-2099-0001");
    }

    @Test
    void aCorruptedOrTruncatedStoredOutputIsNotTrustedButComputedAgain() throws Exception {
        DirectoryStageStore store = new DirectoryStageStore(work.resolve("cache"));
        AssessmentRequest request = request(EXAMPLE.resolve("declarations.yaml"), work.resolve("vulndb"));
        StagedRun first = staged(store, request, new Events());
        String expected = normalised(first.assessment());
        Path evidence = store.file(first.of(Stage.EVIDENCE).get(0).key());
        byte[] whole = Files.readAllBytes(evidence);
        Files.write(evidence, java.util.Arrays.copyOf(whole, whole.length / 2)); // truncated
        Path match = store.file(first.of(Stage.MATCH).get(1).key());
        String matchText = Files.readString(match, StandardCharsets.UTF_8);
        assertThat(matchText).contains("sbom.inventory");
        byte[] matchBytes = matchText.getBytes(StandardCharsets.UTF_8);
        int matchBody = matchBytes.length - headerLength(matchBytes);
        Files.writeString(match, matchText.replace("sbom.inventory", "sbom.inventorz"), StandardCharsets.UTF_8); // one byte

        Events events = new Events();
        StagedRun again = staged(store, request, events);

        assertThat(events.rejected).containsExactly(
                "evidence sl100-1.4.2-unit1.bin: truncated or corrupted (" + (whole.length / 2 - headerLength(whole))
                        + " bytes of " + (whole.length - headerLength(whole)) + ", SHA-256 does not match)",
                "match sl100-1.4.2-unit1.bin#2: truncated or corrupted (" + matchBody + " bytes of " + matchBody
                        + ", SHA-256 does not match)");
        assertThat(events.unpacked).as("only the image whose evidence was truncated is unpacked again").isEqualTo(1);
        assertThat(again.of(Stage.EVIDENCE)).extracting(StageOutcome::status)
                .containsExactly(StageOutcome.Status.COMPUTED, StageOutcome.Status.REUSED);
        assertThat(again.of(Stage.MATCH)).extracting(StageOutcome::status)
                .containsExactly(StageOutcome.Status.REUSED, StageOutcome.Status.COMPUTED);
        assertThat(again.storeWarnings()).hasSize(2);
        assertThat(normalised(again.assessment())).isEqualTo(expected);
        Events third = new Events();
        assertThat(staged(store, request, third).allReused()).as("stored whole again").isTrue();
        assertThat(third.rejected).isEmpty();
    }

    @Test
    void anOutputOfAnotherFormatVersionOrStageOrKeyIsComputedAgain() throws Exception {
        DirectoryStageStore store = new DirectoryStageStore(work.resolve("cache"));
        AssessmentRequest request = request(EXAMPLE.resolve("declarations.yaml"), work.resolve("vulndb"));
        StagedRun first = staged(store, request, new Events());
        String expected = normalised(first.assessment());
        StageKey verdicts = first.of(Stage.VERDICTS).get(0).key();
        String stored = Files.readString(store.file(verdicts));
        assertThat(stored).contains("\"format\":" + StageCodec.FORMAT + ",");
        Files.writeString(store.file(verdicts), stored.replaceFirst("\"format\":" + StageCodec.FORMAT + ",",
                "\"format\":" + (StageCodec.FORMAT + 1) + ","));
        StageKey match = first.of(Stage.MATCH).get(0).key();
        // a valid output of another stage put under this key: read as what it is, it must not pass for a match
        Files.copy(store.file(first.of(Stage.EVIDENCE).get(0).key()), store.file(match),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Events events = new Events();
        StagedRun again = staged(store, request, events);

        assertThat(events.rejected).containsExactlyInAnyOrder(
                "match sl100-1.4.2-unit1.bin: the output of stage 'evidence', not 'match'",
                "verdicts assessment: format " + (StageCodec.FORMAT + 1) + ", this iotb reads format " + StageCodec.FORMAT);
        assertThat(again.of(Stage.VERDICTS).get(0).status()).isEqualTo(StageOutcome.Status.COMPUTED);
        assertThat(events.unpacked).isZero();
        assertThat(normalised(again.assessment())).isEqualTo(expected);
        assertThat(Files.readString(store.file(verdicts))).contains("\"format\":" + StageCodec.FORMAT + ",");
    }
}
