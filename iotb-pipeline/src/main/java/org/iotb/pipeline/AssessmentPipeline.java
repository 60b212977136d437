package org.iotb.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessmentInput;
import org.iotb.assess.Assessor;
import org.iotb.assess.Examination;
import org.iotb.assess.ImageFacts;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.assess.SourceFindings;
import org.iotb.assess.ixit.IxitAnswers;
import org.iotb.assess.ixit.IxitDeclarations;
import org.iotb.assess.ixit.IxitLoader;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.catalog.testspec.TestSpecification;
import org.iotb.model.Sha256;
import org.iotb.pipeline.firmware.FirmwareEvidence;
import org.iotb.probe.DeviceScanner;
import org.iotb.probe.DeviceTarget;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.vex.Triage;

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

    public Assessment run(AssessmentRequest request, PipelineListener listener) throws IOException {
        Profile profile = ProfileLoader.load(request.profile(), catalog);
        Declarations declarations = request.declarations() == null
                ? Declarations.NONE : DeclarationsLoader.load(request.declarations(), catalog);
        try {
            Assessor.selectStandards(catalog, request.standards());
        } catch (IllegalArgumentException e) {
            throw new PipelineInputException("--standard: " + e.getMessage());
        }
        if (request.firmware().isEmpty() && request.devices().isEmpty() && !request.declarationsOnly()) {
            throw new PipelineInputException("nothing to examine: give --firmware or --device (or, to assess the"
                    + " profile and declarations alone, --declarations-only; every pass then rests on declarations)");
        }

        List<InputRecord> inputs = new ArrayList<>();
        inputs.add(fileRecord(InputKind.PROFILE, request.profile()));
        if (request.declarations() != null) {
            inputs.add(fileRecord(InputKind.DECLARATIONS, request.declarations()));
            inputs.addAll(DeclarationEvidence.records(declarations, request.declarations()));
        }
        String ixitWarning = null;
        if (ixit != null) {
            IxitAnswers answers = IxitLoader.load(ixit, catalog, TestSpecification.load());
            declarations = IxitDeclarations.merge(declarations,
                    request.declarations() == null ? null : request.declarations().toString(), answers);
            inputs.add(fileRecord(InputKind.IXIT, ixit));
            for (InputRecord cited : DeclarationEvidence.records(answers.declarations(), ixit)) {
                if (inputs.stream().noneMatch(i -> i.kind() == cited.kind() && java.util.Objects.equals(i.sha256(), cited.sha256())
                        && java.util.Objects.equals(i.name(), cited.name()))) {
                    inputs.add(cited); // a document both files cite is one input
                }
            }
            ixitWarning = IxitDeclarations.unconfirmedWarning(answers);
        }
        List<SourceFindings> findings = new ArrayList<>();
        List<ImageFacts> images = new ArrayList<>();
        Map<String, Long> timings = new LinkedHashMap<>();
        VulnDb vulnDb = request.firmware().isEmpty() ? null : openVulnDb(request.vulnDb());
        Triage triage = VulnerabilityTriage.read(request.vex());
        for (Path vex : request.vex()) {
            inputs.add(fileRecord(InputKind.VEX, vex)); // its statements change verdicts: the report is tied to it
        }
        int maxAge = VulnerabilityTriage.maxAge(request.maxVulnDbAgeDays());
        SbomChecks sbomChecks = new SbomChecks(vulnDb).withTriage(triage).withMaxDataAge(maxAge);
        List<String> names = uniqueNames(request.firmware());
        for (int i = 0; i < request.firmware().size(); i++) {
            Path keep = request.workdir() == null ? null : request.workdir().resolve(names.get(i));
            FirmwareEvidence fe = FirmwareEvidence.gather(names.get(i), request.firmware().get(i), keep, sbomChecks,
                    listener);
            inputs.add(fe.input());
            findings.add(fe.findings());
            images.add(fe.facts());
            fe.timings().forEach((k, v) -> timings.merge(k, v, Long::sum));
        }
        for (String host : request.devices()) {
            long t0 = System.nanoTime();
            listener.stageStarted("probing " + host);
            DeviceScanner.DeviceScan scan = new DeviceScanner().scanWithFacts(DeviceTarget.of(host), request.probeOptions(), listener::progress);
            listener.stageDone(scan.findings().size() + " findings");
            inputs.add(InputRecord.device(host));
            findings.add(new SourceFindings(host, InputKind.DEVICE, scan.findings(), scan.facts()));
            timings.merge("probe", (System.nanoTime() - t0) / 1_000_000, Long::sum);
        }
        List<String> warnings = new ArrayList<>(triage.warnings());
        if (ixitWarning != null) {
            warnings.add(ixitWarning);
        }
        if (request.firmware().isEmpty() && request.devices().isEmpty()) {
            warnings.add("no firmware and no device given: verdicts rest on declarations alone");
        }
        List<String> unexamined = new ArrayList<>();
        for (SourceFindings s : findings) {
            if (s.examination().coverage() == Examination.Coverage.NONE) {
                unexamined.add(s.inputName() + ": " + s.examination().note());
            } else if (!s.examination().full()) {
                warnings.add(s.inputName() + " was examined only in part: " + s.examination().note());
            }
        }
        unexamined.forEach(u -> warnings.add("could not be examined: " + u));
        listener.stageStarted("deciding verdicts");
        Assessment a = new Assessor().assess(new AssessmentInput(catalog, profile, declarations, findings, inputs, images,
                timings, warnings, null), request.standards());
        if (vulnDb != null) {
            a = a.withVulnerabilityData(VulnerabilityTriage.stated(vulnDb.snapshot(),
                    a.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(), maxAge));
        }
        listener.stageDone(a.verdicts().size() + " verdicts");
        if (!findings.isEmpty() && unexamined.size() == findings.size()) {
            throw new NothingExaminedException("no input could be examined: " + String.join("; ", unexamined), a);
        }
        return a;
    }

    /** The vulnerability store at this path (null: {@code $IOTB_VULNDB} or the user's default), with the bundled starter set. */
    public static VulnDb openVulnDb(Path store) throws IOException {
        return VulnDb.open(store != null ? store : VulnDb.defaultStore());
    }

    private static InputRecord fileRecord(InputKind kind, Path file) throws IOException {
        return InputRecord.file(kind, file.getFileName().toString(), file.toString(), Sha256.of(file), Files.size(file));
    }

    /** File names, made unique with a suffix when two inputs share one (unit1/fw.bin, unit2/fw.bin). */
    static List<String> uniqueNames(List<Path> files) {
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
