package org.iotb.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotb.catalog.Catalog;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.AssessmentRequest;
import org.iotb.pipeline.PipelineListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real vendor images of ../shared/samples (a Linux router with a SquashFS root, a Huawei upgrade packet and an
 * obfuscated Arcadyan image) through the staged pipeline: computed and then reused,
 * the assessment is the one {@link AssessmentPipeline#run} gives.
 */
@Tag("integration")
class RealImagesStagedTest {
    private static final Path SAMPLES = Path.of("../../shared/samples/firmware").toAbsolutePath().normalize();
    private static final Path EXAMPLE = Path.of("..", "examples", "smart-lock").toAbsolutePath().normalize();

    @Test
    void realImagesGiveTheSameAssessmentComputedAndReused(@TempDir Path work) throws Exception {
        List<Path> images = List.of(SAMPLES.resolve("tplink_tl-wr841n_v10_3.16.9_up_boot.bin"),
                SAMPLES.resolve("huawei_hg532e_V100R001C01B020_upgrade_packet.bin"),
                SAMPLES.resolve("arcadyan_obfuscated.bin"));
        assumeTrue(images.stream().allMatch(Files::isRegularFile),
                SAMPLES + " lacks the three sample images (needs ../shared/samples); skipped");
        AssessmentPipeline pipeline = new AssessmentPipeline(Catalog.load());
        AssessmentRequest request = new AssessmentRequest(EXAMPLE.resolve("profile.yaml"), null, images, List.of(),
                null, work.resolve("vulndb"), null);
        String direct = StagedPipelineTest.normalised(pipeline.run(request, PipelineListener.NONE));
        StagedPipeline staged = new StagedPipeline(pipeline, new DirectoryStageStore(work.resolve("cache")));

        StagedRun computed = staged.run(request, PipelineListener.NONE);
        StagedPipelineTest.Events events = new StagedPipelineTest.Events();
        StagedRun reused = staged.run(request, events, events);

        assertThat(computed.stages()).extracting(StageOutcome::status).containsOnly(StageOutcome.Status.COMPUTED);
        assertThat(computed.stages()).hasSize(7);
        assertThat(reused.allReused()).isTrue();
        assertThat(events.unpacked).isZero();
        assertThat(StagedPipelineTest.normalised(computed.assessment())).isEqualTo(direct);
        assertThat(StagedPipelineTest.normalised(reused.assessment())).isEqualTo(direct)
                .contains("tplink_tl-wr841n_v10_3.16.9_up_boot.bin", "huawei_hg532e", "arcadyan_obfuscated.bin");
    }
}
