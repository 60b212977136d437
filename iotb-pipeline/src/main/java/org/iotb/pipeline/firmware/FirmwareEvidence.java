package org.iotb.pipeline.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iotb.assess.Examination;
import org.iotb.assess.ImageFacts;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.assess.SourceFindings;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.tree.FileTree;
import org.iotb.model.Finding;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;
import org.iotb.pipeline.PipelineListener;
import org.iotb.sbom.Component;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.applicability.Applicability;
import org.iotb.sbom.applicability.ApplicabilityJudge;
import org.iotb.sbom.applicability.CodeEvidenceRules;
import org.iotb.sbom.facts.SbomFactsExtractor;
import org.iotb.unpack.UnpackOptions;

/**
 * Everything one firmware image contributes to an assessment that does not depend on vulnerability data (the
 * staged pipeline's "evidence" stage): unpack, firmware checks and their findings, the image's typed facts (firmware
 * analysis and SBOM components), the SBOM itself, what the image's code proves about each CVE the code-evidence
 * rules know for its components ({@link #codeEvidence}), the facts the report shows (entropy, unpack warnings) and
 * how far the image could be examined ({@link ImageExamination}).
 *
 * <p>The unpacked tree is not part of it: the vulnerability match ({@link #vulnerabilityFindings}) runs from the
 * SBOM and the recorded code decisions alone, so new vulnerability data never unpacks the image again. The record
 * is what the stage stores (as JSON): every field is data, nothing refers to the workspace.
 *
 * @param name the image's name in the assessment (unique among its images; also the SBOM's subject)
 * @param sha256 the image file's SHA-256, null when the input was a directory
 * @param size the image file's size, null for a directory
 * @param findings the firmware checks' findings (the SBOM's come from the match)
 * @param facts the typed facts: firmware analysis merged with the SBOM's components
 * @param warnings unpack, check and SBOM warnings, and how far the image was examined, in report order
 * @param codeEvidence per component (index into {@code sbom.components()}) and CVE, what the code proved
 * @param timings milliseconds of unpack, checks and SBOM building
 */
public record FirmwareEvidence(String name, String sha256, Long size, List<Finding> findings, SystemFacts facts,
        Examination examination, Integer entropyBlockSize, List<Double> entropy, List<String> warnings, Sbom sbom,
        List<CodeDecision> codeEvidence, Map<String, Long> timings) {

    /** What the image's code proved about one CVE in one component ({@link ApplicabilityJudge#judge}). */
    public record CodeDecision(int component, String cve, Applicability applicability) {
    }

    public FirmwareEvidence {
        findings = findings == null ? List.of() : List.copyOf(findings);
        facts = facts == null ? SystemFacts.EMPTY : facts;
        examination = examination == null ? Examination.FULL : examination;
        entropy = entropy == null ? List.of() : List.copyOf(entropy);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        codeEvidence = codeEvidence == null ? List.of() : List.copyOf(codeEvidence);
        timings = timings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    /**
     * Unpacks (or takes the directory), checks and builds the SBOM of one image.
     *
     * @param name the image's name in the assessment (unique among its images)
     * @param workdir where to keep the unpacked files; null for a temporary directory
     */
    public static FirmwareEvidence gather(String name, Path image, Path workdir, PipelineListener listener)
            throws IOException {
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
            List<CodeDecision> code = codeEvidence(sbom, tree);
            listener.stageDone(sbom.components().size() + " components");
            long t3 = System.nanoTime();
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
            SystemFacts observed = report.facts().merge(SbomFactsExtractor.extract(sbom));
            Examination examination = ImageExamination.of(ws);
            if (!examination.full()) {
                warnings.add(0, name + (examination.coverage() == Examination.Coverage.NONE
                        ? " could not be examined: " : " was examined only in part: ") + examination.note());
            }
            return new FirmwareEvidence(name, size == null ? null : ws.sha256(), size, report.findings(), observed,
                    examination, blockSize, entropy, warnings, sbom, code,
                    Map.of("unpack", ms(t0, t1), "checks", ms(t1, t2), "sbom", ms(t2, t3)));
        }
    }

    /**
     * What the tree's code proves about every CVE a code-evidence rule names for each component: asked here, while
     * the tree is there, so the match can be made again later without it. One judge per component: a judge keeps
     * what it read (the kernel configuration) for the next question, and the answer must not depend on which
     * component was asked first.
     */
    private static List<CodeDecision> codeEvidence(Sbom sbom, FileTree tree) {
        List<CodeEvidenceRules.Rule> rules = CodeEvidenceRules.bundled().rules();
        List<CodeDecision> out = new ArrayList<>();
        for (int i = 0; i < sbom.components().size(); i++) {
            Component c = sbom.components().get(i);
            ApplicabilityJudge judge = null;
            java.util.Set<String> asked = new java.util.HashSet<>();
            for (CodeEvidenceRules.Rule r : rules) {
                if (!r.components().contains(c.id()) || !asked.add(r.cve().toUpperCase(Locale.ROOT))) {
                    continue;
                }
                judge = judge == null ? ApplicabilityJudge.of(tree) : judge;
                Optional<Applicability> a = judge.judge(c, r.cve());
                if (a.isPresent()) {
                    out.add(new CodeDecision(i, r.cve().toUpperCase(Locale.ROOT), a.get()));
                }
            }
        }
        return out;
    }

    /** A judge answering from {@link #codeEvidence}: what the tree's own judge said, without the tree. */
    public ApplicabilityJudge judge() {
        Map<Component, Map<String, Applicability>> byComponent = new HashMap<>();
        for (CodeDecision d : codeEvidence) {
            byComponent.computeIfAbsent(sbom.components().get(d.component()), c -> new HashMap<>())
                    .put(d.cve(), d.applicability());
        }
        return ApplicabilityJudge.recorded((c, cve) -> Optional.ofNullable(
                byComponent.getOrDefault(c, Map.of()).get(cve.toUpperCase(Locale.ROOT))));
    }

    /** The SBOM's findings with these checks (vulnerability data, triage, age limit): the "match" stage. */
    public List<Finding> vulnerabilityFindings(SbomChecks checks) {
        return checks.withCodeEvidence(judge()).run(sbom);
    }

    /** The image as an input of the assessment, under the path the caller gave. */
    public InputRecord input(Path image) {
        return size == null ? new InputRecord(InputKind.FIRMWARE, name, image.toString(), null, null, null)
                : InputRecord.file(InputKind.FIRMWARE, name, image.toString(), sha256, size);
    }

    /** The firmware findings followed by the SBOM's, with the image's facts and examination. */
    public SourceFindings sourceFindings(List<Finding> sbomFindings) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(sbomFindings);
        return new SourceFindings(name, InputKind.FIRMWARE, all, facts, examination);
    }

    /** What the report shows about the image. */
    public ImageFacts imageFacts() {
        return new ImageFacts(name, sha256, size, entropyBlockSize, entropy, facts.services(ServiceFact.Kind.BOOT),
                warnings);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
