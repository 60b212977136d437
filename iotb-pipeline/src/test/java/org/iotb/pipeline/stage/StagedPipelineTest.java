package org.iotb.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The assessment JSON without what differs between two runs of the same inputs. */
    static String normalised(Assessment a) throws IOException {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(a.toJson());
        tree.remove("createdAt");
        tree.remove("timings");
        return tree.toPrettyString();
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
}
