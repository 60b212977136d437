package org.iotb.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.catalog.Catalog;
import org.iotb.model.Sha256;
import org.iotb.pipeline.stage.StageStore;
import org.iotb.pipeline.stage.StagedPipeline;
import org.iotb.sbom.vuln.VulnDb;

/**
 * The assessment as a library call: loads the profile and declarations, gathers the evidence of every firmware
 * image (unpack, firmware checks, SBOM, vulnerabilities) and every device (probing), then decides the verdicts.
 * Rendering is not part of it: the caller hands the {@link Assessment} to the report module (or stores it).
 * {@code iotb assess} calls this; so will the server and the workers. One instance serves many runs.
 *
 * <p>Bad input (a missing file, an invalid profile, a cited evidence file that is not there, nothing to examine)
 * surfaces as {@link PipelineInputException} ({@link NothingExaminedException} when inputs were given but none could
 * be examined: it carries the assessment, so the reports can still say what was tried),
 * {@link java.nio.file.NoSuchFileException}, {@link org.iotb.model.io.PathRefusedException} (a device, FIFO or
 * socket given as input; a work directory that is a file or a link) or {@link org.iotb.catalog.CatalogException};
 * anything else is a bug.
 */
public final class AssessmentPipeline {
    private final Catalog catalog;
    /** The supplier's IXIT file (null: none): its provision answers are declarations too (docs/profile-and-declarations.md, "IXIT"). */
    private final Path ixit;

    public AssessmentPipeline(Catalog catalog) {
        this(catalog, null);
    }

    private AssessmentPipeline(Catalog catalog, Path ixit) {
        this.catalog = catalog;
        this.ixit = ixit;
    }

    /** The same pipeline reading this IXIT file as well (null: none). */
    public AssessmentPipeline withIxit(Path ixitFile) {
        return new AssessmentPipeline(catalog, ixitFile);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The supplier's IXIT file this pipeline reads as well, or null. */
    public Path ixit() {
        return ixit;
    }

    /**
     * Loads the profile and declarations, gathers the evidence of every image and device and decides the verdicts:
     * the stages of {@link StagedPipeline}, with nothing stored (every stage computed, in this order).
     */
    public Assessment run(AssessmentRequest request, PipelineListener listener) throws IOException {
        return new StagedPipeline(this, StageStore.NONE).run(request, listener).assessment();
    }

    /** The vulnerability store at this path (null: {@code $IOTB_VULNDB} or the user's default), with the bundled starter set. */
    public static VulnDb openVulnDb(Path store) throws IOException {
        return VulnDb.open(store != null ? store : VulnDb.defaultStore());
    }

    /** An input file as the assessment records it: its name, path, SHA-256 and size. */
    public static InputRecord fileRecord(InputKind kind, Path file) throws IOException {
        return InputRecord.file(kind, file.getFileName().toString(), file.toString(), Sha256.of(file), Files.size(file));
    }

    /** File names, made unique with a suffix when two inputs share one (unit1/fw.bin, unit2/fw.bin). */
    public static List<String> uniqueNames(List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            String base = f.getFileName().toString();
            String n = base;
            for (int k = 2; names.contains(n); k++) {
                n = base + "#" + k;
            }
            names.add(n);
        }
        return names;
    }
}
