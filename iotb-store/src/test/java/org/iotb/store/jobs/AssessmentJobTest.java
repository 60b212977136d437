package org.iotb.store.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.iotb.assess.Assessment;
import org.iotb.catalog.Catalog;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.AssessmentRequest;
import org.iotb.pipeline.PipelineListener;
import org.iotb.store.db.Database;
import org.iotb.store.testing.Fixtures;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Product;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An upload of the example firmware is assessed on the queue exactly as `iotb assess` assesses it (the same pipeline
 * on the same profile, declarations and image): the same failed mandatory requirements per standard; the reports
 * render from the stored assessment.
 */
@Tag("integration")
class AssessmentJobTest {

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void anUploadIsAssessedLikeTheCommandLine(Database.Kind kind, @TempDir Path data) throws Exception {
        Path image = Fixtures.exampleImage("sl100-1.4.2-unit1.bin");
        try (Fixtures.Env env = Fixtures.workspace(kind, data);
             JobQueue.Running queue = env.startQueue("worker-1", 1)) {
            Product p = env.ws().createProduct(env.assessor(), env.orgA(), "SL-100", Fixtures.exampleProfile());
            env.ws().saveDeclarations(env.assessor(), p.id(), Fixtures.exampleDeclarations(), null);
            AssessmentRun queued;
            try (InputStream in = Files.newInputStream(image)) {
                queued = env.ws().uploadFirmware(env.assessor(), p.id(), "1.4.2", image.getFileName().toString(), in);
            }
            assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
            AssessmentRun run = env.awaitFinished(queued.id(), Duration.ofMinutes(5));
            assertThat(run.status()).as(run.statusDetail()).isEqualTo(JobStatus.DONE);
            assertThat(run.progress()).isEqualTo(100);
            assertThat(run.toolVersion()).isNotBlank();
            assertThat(run.startedAt()).isNotNull();
            assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());

            Map<String, Integer> expected = commandLineCounts(image, data);
            assertThat(run.failedMandatory()).isEqualTo(expected);
            assertThat(expected.values().stream().mapToInt(Integer::intValue).sum()).as("the example fails some").isPositive();

            Assessment stored;
            try (InputStream in = env.ws().assessmentJson(env.viewerA(), run.id())) {
                stored = Assessment.read(in);
            }
            assertThat(stored.inputs()).anyMatch(i -> image.getFileName().toString().equals(i.name()));
            try (InputStream html = env.ws().report(env.viewerA(), run.id(), "html")) {
                assertThat(new String(html.readAllBytes(), StandardCharsets.UTF_8)).contains("<html").contains("SL-100");
            }
            try (ZipInputStream zip = new ZipInputStream(env.ws().report(env.viewerA(), run.id(), "ics-csv"))) {
                assertThat(zip.getNextEntry().getName()).startsWith("ics-").endsWith(".csv");
            }
            try (var work = Files.list(data.resolve("work"))) {
                assertThat(work.toList()).as("scratch directories are removed").isEmpty();
            }
        }
    }

    /** What `iotb assess` computes for the same inputs (AssessCommand's pipeline call). */
    private static Map<String, Integer> commandLineCounts(Path image, Path data) throws Exception {
        Path dir = Files.createDirectories(data.resolve("cli"));
        Path profile = Files.writeString(dir.resolve("profile.yaml"), Fixtures.exampleProfile());
        Path declarations = Files.writeString(dir.resolve("declarations.yaml"), Fixtures.exampleDeclarations());
        Assessment a = new AssessmentPipeline(Catalog.load()).run(new AssessmentRequest(profile, declarations,
                List.of(image), List.of(), null, null, null), PipelineListener.NONE);
        return AssessJob.failedMandatory(a);
    }
}
