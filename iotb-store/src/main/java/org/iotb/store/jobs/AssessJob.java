package org.iotb.store.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.ToolInfo;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.assess.Releases;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.AssessmentRequest;
import org.iotb.pipeline.NothingExaminedException;
import org.iotb.pipeline.PipelineInputException;
import org.iotb.pipeline.stage.Stage;
import org.iotb.pipeline.stage.StageOutcome;
import org.iotb.pipeline.stage.StagedPipeline;
import org.iotb.pipeline.stage.StagedRun;
import org.iotb.store.blob.BlobRows;
import org.iotb.store.blob.BlobStore;
import org.iotb.store.db.Database;

/**
 * One assessment run, as {@code iotb assess} would do it: the image is materialised from the blob store, the
 * product's profile and the run's declarations revision are written to a scratch directory
 * ({@code <work>/run-<id>-<attempt>}), the pipeline runs in stages ({@link StagedPipeline}, outputs kept by
 * {@link DatabaseStageStore}: an image seen before is not unpacked again) with a listener that records progress, and the
 * assessment JSON is stored as a blob with the failed mandatory requirements per standard, the tool version and the
 * vulnerability data it rested on. Whatever the image does (hostile archive, nothing examinable, a bug), the run ends
 * {@code done} or {@code failed} with the reason and the worker lives on; the scratch directory is removed.
 */
final class AssessJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Assessments are JSON of a few MiB at most; this only guards the store. */
    private static final long MAX_ASSESSMENT_BYTES = 1L << 30;

    private final Database db;
    private final BlobStore blobs;
    private final JobSettings settings;
    private final StagedPipeline pipeline;
    private final DatabaseStageStore stages;
    private final Runs runs;

    AssessJob(Database db, BlobStore blobs, JobSettings settings, Catalog catalog) {
        this.db = db;
        this.blobs = blobs;
        this.settings = settings;
        this.stages = new DatabaseStageStore(db, blobs);
        this.pipeline = new StagedPipeline(new AssessmentPipeline(catalog), stages);
        this.runs = new Runs(db.jdbi());
    }

    /** The inputs of a run, as stored. */
    private record Inputs(String profileYaml, String declarationsYaml, String imageSha256, String fileName,
                          String version) {
    }

    /**
     * Runs the assessment; true when this execution is finished with the run (recorded it, or found it finished
     * already), false when it lost the run to another execution on the way (the scheduler then leaves it to that one).
     */
    boolean run(long runId) {
        int attempt = runs.claim(runId, settings.workerName());
        if (attempt < 0) {
            return true;
        }
        Path scratch = settings.workDir().resolve("run-" + runId + "-" + attempt);
        String tool = ToolInfo.current().version();
        try {
            Files.createDirectories(scratch);
            Inputs in = inputs(runId);
            Path profile = Files.writeString(scratch.resolve("profile.yaml"), in.profileYaml(), StandardCharsets.UTF_8);
            Path declarations = in.declarationsYaml() == null ? null
                    : Files.writeString(scratch.resolve("declarations.yaml"), in.declarationsYaml(), StandardCharsets.UTF_8);
            Path image = imageNamed(in, scratch);
            RunProgress progress = new RunProgress(runs, runId, attempt);
            AssessmentRequest request = new AssessmentRequest(profile, declarations, List.of(image), List.of(), null,
                    settings.vulnDb(), null);
            Assessment a;
            String notExamined = null;
            String evidence = null;
            String reuse = null;
            try {
                StagedRun staged = pipeline.run(request, progress);
                a = staged.assessment();
                List<StageOutcome> images = staged.of(Stage.EVIDENCE);
                if (!images.isEmpty() && images.get(0).key() != null) {
                    evidence = stages.blobOf(images.get(0).key()).orElse(null);
                }
                if (staged.reused(Stage.EVIDENCE)) {
                    reuse = "evidence reused (the image was not unpacked again)";
                }
            } catch (NothingExaminedException e) {
                a = e.assessment(); // the report still says what was tried
                notExamined = e.getMessage();
            }
            a = Releases.label(a, in.version(), null); // the version's name, as `iotb assess --release` does
            progress.storing();
            BlobStore.BlobRef stored = blobs.put(new ByteArrayInputStream((a.toJson() + "\n").getBytes(StandardCharsets.UTF_8)),
                    MAX_ASSESSMENT_BYTES);
            db.jdbi().useHandle(h -> BlobRows.record(h, stored));
            String sha = stored.sha256();
            if (notExamined != null) {
                runs.failed(runId, attempt, notExamined, sha, tool);
                return true;
            }
            List<String> detail = new java.util.ArrayList<>();
            if (reuse != null) {
                detail.add(reuse);
            }
            if (!a.warnings().isEmpty()) {
                detail.add(a.warnings().size() + " warning(s): " + String.join("; ", a.warnings()));
            }
            return runs.done(runId, attempt, a.tool() == null ? tool : a.tool().version(),
                    a.vulnerabilityData() == null ? null : a.vulnerabilityData().describe(),
                    JSON.writeValueAsString(failedMandatory(a)), sha, evidence,
                    detail.isEmpty() ? null : String.join("; ", detail));
        } catch (PipelineInputException | CatalogException | IOException e) {
            runs.failed(runId, attempt, e.getMessage() == null ? e.toString() : e.getMessage(), null, tool);
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            // a bug or a hostile input the gates missed: the run says so, the worker goes on
            runs.failed(runId, attempt, "internal error: " + e, null, tool);
            return true;
        } finally {
            removeTree(scratch);
        }
    }

    /** Standard id → number of failed mandatory requirements, as `iotb assess` counts them. */
    static Map<String, Integer> failedMandatory(Assessment a) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (StandardSummary s : a.summary()) {
            out.put(s.standard(), s.mandatoryFailures().size());
        }
        return out;
    }

    private Inputs inputs(long runId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT p.profile_yaml, d.yaml, f.sha256, f.file_name, f.version"
                        + " FROM assessment_runs r JOIN products p ON p.id = r.product_id"
                        + " JOIN firmware_versions f ON f.id = r.firmware_version_id"
                        + " LEFT JOIN declarations_versions d ON d.id = r.declarations_version_id WHERE r.id = :id")
                .bind("id", runId)
                .map((rs, ctx) -> new Inputs(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .one());
    }

    /**
     * The image under the name it was uploaded with (the assessment names its inputs by file name, as the CLI does):
     * a hard link to the stored blob where the file system allows, else a copy.
     */
    private Path imageNamed(Inputs in, Path scratch) throws IOException {
        Path blob = blobs.materialise(in.imageSha256(), scratch);
        Path dir = Files.createDirectories(scratch.resolve("image"));
        Path named = dir.resolve(in.fileName());
        if (!named.normalize().startsWith(dir)) {
            throw new IOException("refused file name " + in.fileName());
        }
        try {
            Files.createLink(named, blob);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(blob, named);
        }
        return named;
    }

    /** Deletes the scratch tree without following links (an unpacked image may hold links to anywhere). */
    static void removeTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left for the next clean-up of <data>/work
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
