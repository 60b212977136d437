package org.iotb.pipeline.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Examination;
import org.iotb.assess.ImageFacts;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.assess.SourceFindings;
import org.iotb.pipeline.PipelineListener;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.tree.FileTree;
import org.iotb.model.Finding;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.facts.SbomFactsExtractor;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.unpack.UnpackOptions;

/**
 * Everything one firmware image contributes to an assessment: unpack, firmware checks, SBOM and its
 * vulnerability findings, the image's typed facts (firmware analysis and SBOM components), the facts the
 * report shows (entropy, boot services, unpack warnings) and how far the image could be examined
 * ({@link ImageExamination}: an image nothing could be extracted from, or one unpacked only up to the limits, is
 * said to be so, in the warnings and in {@code findings().examination()}).
 */
public record FirmwareEvidence(InputRecord input, SourceFindings findings, ImageFacts facts, Map<String, Long> timings) {

    /**
     * @param name the image's name in the assessment (unique among its images)
     * @param workdir where to keep the unpacked files; null for a temporary directory
     */
    public static FirmwareEvidence gather(String name, Path image, Path workdir, VulnDb vulnDb, PipelineListener listener)
            throws IOException {
        return gather(name, image, workdir, new SbomChecks(vulnDb), listener);
    }

    /** As above, judging the SBOM with these checks (the lab's triage, the vulnerability data's age limit). */
    public static FirmwareEvidence gather(String name, Path image, Path workdir, SbomChecks sbomChecks,
                                          PipelineListener listener) throws IOException {
        long t0 = System.nanoTime();
        try (FirmwareWorkspace ws = FirmwareWorkspace.open(image, workdir, UnpackOptions.defaults(), listener)) {
            long t1 = System.nanoTime();
            listener.stageStarted("checking " + name);
            FileTree tree = FileTree.index(ws.treeRoot()); // one walk: the checks and the SBOM read the same index
            FirmwareScanner.Report report = new FirmwareScanner().scanReport(tree,
                    FirmwareScanOptions.defaults().withBootEnv(ws.bootEnvironment()).withUpdateFormat(ws.updateImageFormat()));
            listener.stageDone(report.findings().size() + " findings");
            long t2 = System.nanoTime();
            listener.stageStarted("SBOM of " + name);
            Sbom sbom = new SbomBuilder().build(tree, SbomOptions.of(name, ws.sha256()));
            List<Finding> sbomFindings = sbomChecks.withCodeEvidence(tree).run(sbom);
            listener.stageDone(sbom.components().size() + " components");
            long t3 = System.nanoTime();
            List<Finding> all = new ArrayList<>(report.findings());
            all.addAll(sbomFindings);
            List<String> warnings = new ArrayList<>(report.warnings());
            warnings.addAll(sbom.warnings());
            Integer blockSize = null;
            List<Double> entropy = List.of();
            if (ws.unpack() != null) {
                warnings.addAll(0, ws.unpack().warnings());
                if (ws.unpack().entropy() != null) {
                    blockSize = (int) ws.unpack().entropy().blockSize();
                    entropy = ws.unpack().entropy().points();
                }
            }
            Long size = Files.isRegularFile(image) ? Files.size(image) : null;
            InputRecord record = size == null
                    ? new InputRecord(InputKind.FIRMWARE, name, image.toString(), null, null, null)
                    : InputRecord.file(InputKind.FIRMWARE, name, image.toString(), ws.sha256(), size);
            SystemFacts observed = report.facts().merge(SbomFactsExtractor.extract(sbom));
            Examination examination = ImageExamination.of(ws);
            if (!examination.full()) {
                warnings.add(0, name + (examination.coverage() == Examination.Coverage.NONE
                        ? " could not be examined: " : " was examined only in part: ") + examination.note());
            }
            ImageFacts facts = new ImageFacts(name, ws.sha256(), size, blockSize, entropy,
                    observed.services(ServiceFact.Kind.BOOT), warnings);
            return new FirmwareEvidence(record, new SourceFindings(name, InputKind.FIRMWARE, all, observed, examination), facts,
                    Map.of("unpack", ms(t0, t1), "checks", ms(t1, t2), "sbom", ms(t2, t3)));
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
