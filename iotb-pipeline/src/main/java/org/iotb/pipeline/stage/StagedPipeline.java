package org.iotb.pipeline.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.iotb.model.Finding;
import org.iotb.model.Sha256;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.AssessmentRequest;
import org.iotb.pipeline.DeclarationEvidence;
import org.iotb.pipeline.NothingExaminedException;
import org.iotb.pipeline.PipelineInputException;
import org.iotb.pipeline.PipelineListener;
import org.iotb.pipeline.VulnerabilityTriage;
import org.iotb.pipeline.firmware.FirmwareEvidence;
import org.iotb.probe.DeviceScanner;
import org.iotb.probe.DeviceTarget;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.outdated.OutdatedRules;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.vex.Triage;

/**
 * The assessment run as stages whose outputs are kept in a {@link StageStore} by {@link StageKey}
 * (docs/architecture.md, "Stages"): per image {@link Stage#EVIDENCE} (unpack, checks, SBOM — the image's SHA-256
 * and name are its key) and {@link Stage#MATCH} (the SBOM against a vulnerability-data snapshot, the VEX files and
 * the age limit), then {@link Stage#VERDICTS} (everything the assessor reads). A stage whose key has an output in the
 * store is not run: new vulnerability data re-runs the matches and the verdicts, new declarations only the verdicts,
 * and an image already seen is never unpacked again. Devices are probed every time (a live device is no stored
 * fact); their findings are part of the verdicts' key.
 *
 * <p>With {@link StageStore#NONE} this is exactly {@link AssessmentPipeline#run}, which calls it so. With a store
 * the assessment is the same, apart from timings (those of the stored stages are the times they took when computed)
 * and createdAt (a reused verdict stage keeps its own). Keys hold the day (UTC) where results depend on it: the
 * match (end-of-life dates, the data's age) and the verdicts (the data's age as stated).
 *
 * <p>Not stored: the evidence of a directory given as firmware (no content hash), the verdicts under a catalog other
 * than the bundled one (no identity). When the request keeps the unpacked files ({@code workdir}), the evidence is
 * computed (the caller asked for the files) and stored.
 */
public final class StagedPipeline {
    private final AssessmentPipeline pipeline;
    private final StageStore store;

    public StagedPipeline(AssessmentPipeline pipeline, StageStore store) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.store = Objects.requireNonNull(store, "store");
    }

    public StagedRun run(AssessmentRequest request, PipelineListener listener) throws IOException {
        return run(request, listener, StageListener.NONE);
    }

    /**
     * Runs the request through the stages, reusing every stored output whose key matches.
     *
     * @throws NothingExaminedException when no input could be examined (with the assessment, as the pipeline does)
     */
    public StagedRun run(AssessmentRequest request, PipelineListener listener, StageListener stages) throws IOException {
        Catalog catalog = pipeline.catalog();
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
        Run run = new Run(request, listener, stages);

        List<InputRecord> inputs = new ArrayList<>();
        inputs.add(AssessmentPipeline.fileRecord(InputKind.PROFILE, request.profile()));
        if (request.declarations() != null) {
            inputs.add(AssessmentPipeline.fileRecord(InputKind.DECLARATIONS, request.declarations()));
            inputs.addAll(DeclarationEvidence.records(declarations, request.declarations()));
        }
        String ixitWarning = null;
        Path ixit = pipeline.ixit();
        if (ixit != null) {
            IxitAnswers answers = IxitLoader.load(ixit, catalog, TestSpecification.load());
            declarations = IxitDeclarations.merge(declarations,
                    request.declarations() == null ? null : request.declarations().toString(), answers);
            inputs.add(AssessmentPipeline.fileRecord(InputKind.IXIT, ixit));
            for (InputRecord cited : DeclarationEvidence.records(answers.declarations(), ixit)) {
                if (inputs.stream().noneMatch(i -> i.kind() == cited.kind() && Objects.equals(i.sha256(), cited.sha256())
                        && Objects.equals(i.name(), cited.name()))) {
                    inputs.add(cited); // a document both files cite is one input
                }
            }
            ixitWarning = IxitDeclarations.unconfirmedWarning(answers);
        }
        List<SourceFindings> findings = new ArrayList<>();
        List<ImageFacts> images = new ArrayList<>();
        Map<String, Long> timings = new LinkedHashMap<>();
        if (!request.firmware().isEmpty() && !store.keeps()) {
            run.vulnDb(); // opened up front, as it always was: a broken store is reported before any unpacking
        }
        Triage triage = VulnerabilityTriage.read(request.vex());
        List<String> vexHashes = new ArrayList<>();
        for (Path vex : request.vex()) {
            InputRecord r = AssessmentPipeline.fileRecord(InputKind.VEX, vex);
            inputs.add(r); // its statements change verdicts: the report is tied to it
            vexHashes.add(r.sha256());
        }
        int maxAge = VulnerabilityTriage.maxAge(request.maxVulnDbAgeDays());
        Map<String, String> verdictKey = new LinkedHashMap<>();
        boolean verdictsKeyed = store.keeps();
        List<String> names = AssessmentPipeline.uniqueNames(request.firmware());
        StageOutputs.Match anyMatch = null;
        for (int i = 0; i < request.firmware().size(); i++) {
            Path image = request.firmware().get(i);
            Keyed<FirmwareEvidence> evidence = run.evidence(names.get(i), image);
            Keyed<StageOutputs.Match> match = run.match(evidence, triage, vexHashes, maxAge);
            anyMatch = match.output();
            inputs.add(evidence.output().input(image));
            findings.add(evidence.output().sourceFindings(match.output().findings()));
            images.add(evidence.output().imageFacts());
            evidence.output().timings().forEach((k, v) -> timings.merge(k, v, Long::sum));
            timings.merge("sbom", match.millis(), Long::sum);
            verdictKey.put("match." + i, match.key() == null ? null : match.key().hex());
            verdictsKeyed &= match.key() != null;
        }
        for (String host : request.devices()) {
            long t0 = System.nanoTime();
            listener.stageStarted("probing " + host);
            DeviceScanner.DeviceScan scan = new DeviceScanner().scanWithFacts(DeviceTarget.of(host), request.probeOptions(), listener::progress);
            listener.stageDone(scan.findings().size() + " findings");
            inputs.add(InputRecord.device(host));
            SourceFindings device = new SourceFindings(host, InputKind.DEVICE, scan.findings(), scan.facts());
            findings.add(device);
            timings.merge("probe", (System.nanoTime() - t0) / 1_000_000, Long::sum);
            if (store.keeps()) {
                verdictKey.put("device." + host, Sha256.of(StageCodec.json(device)));
            }
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
        String catalogId = store.keeps() ? catalogIdentity(catalog) : null;
        StageKey key = null;
        if (verdictsKeyed && catalogId != null) {
            verdictKey.put("inputs", StageCodec.json(inputs));
            verdictKey.put("catalog", catalogId);
            verdictKey.put("standards", String.join(",", request.standards()));
            verdictKey.put("declarationsOnly", Boolean.toString(request.declarationsOnly()));
            verdictKey.put("maxAge", Integer.toString(maxAge));
            verdictKey.put("day", run.today.toString());
            key = StageKey.of(Stage.VERDICTS, verdictKey);
        }
        Declarations decided = declarations;
        StageOutputs.Match stated = anyMatch;
        Keyed<StageOutputs.Verdicts> verdicts = run.stage(Stage.VERDICTS, "assessment", key,
                StageOutputs.Verdicts.class, "the verdicts", () -> {
                    listener.stageStarted("deciding verdicts");
                    Assessment a = new Assessor().assess(new AssessmentInput(catalog, profile, decided, findings, inputs,
                            images, timings, warnings, null), request.standards());
                    if (stated != null) {
                        a = a.withVulnerabilityData(VulnerabilityTriage.stated(stated.snapshot(),
                                a.createdAt().atZone(ZoneOffset.UTC).toLocalDate(), maxAge));
                    }
                    listener.stageDone(a.verdicts().size() + " verdicts");
                    String nothing = !findings.isEmpty() && unexamined.size() == findings.size()
                            ? "no input could be examined: " + String.join("; ", unexamined) : null;
                    return new StageOutputs.Verdicts(a, nothing);
                });
        Assessment a = verdicts.output().assessment();
        if (verdicts.output().nothingExamined() != null) {
            throw new NothingExaminedException(verdicts.output().nothingExamined(), a);
        }
        return new StagedRun(a, run.outcomes, run.storeWarnings);
    }

    /**
     * Runs the evidence stage of every firmware image of the request (unpack, checks, SBOM) and stores the outputs,
     * nothing else: a worker's first job for a run, so the verdicts job that follows ({@link #run}) unpacks nothing.
     * The request's other inputs are not read.
     */
    public List<StageOutcome> gatherEvidence(AssessmentRequest request, PipelineListener listener, StageListener stages)
            throws IOException {
        Run run = new Run(request, listener, stages);
        List<String> names = AssessmentPipeline.uniqueNames(request.firmware());
        for (int i = 0; i < request.firmware().size(); i++) {
            run.evidence(names.get(i), request.firmware().get(i));
        }
        return List.copyOf(run.outcomes);
    }

    /** The bundled catalog is part of the build; any other has no identity here, so its verdicts are not stored. */
    private static String catalogIdentity(Catalog catalog) {
        return catalog == Catalog.load() ? "bundled" : null;
    }

    /** A stage's output with the key it is stored under (null: not stored) and how long getting it took. */
    record Keyed<T>(T output, StageKey key, long millis) {
    }

    private interface Computation<T> {
        T compute() throws IOException;
    }

    /** The state of one run: the day, the vulnerability store (opened when first needed), what happened. */
    private final class Run {
        final AssessmentRequest request;
        final PipelineListener listener;
        final StageListener stages;
        final LocalDate today = LocalDate.now(ZoneOffset.UTC);
        final List<StageOutcome> outcomes = new ArrayList<>();
        final List<String> storeWarnings = new ArrayList<>();
        private VulnDb vulnDb;
        private String vulnIdentity;

        Run(AssessmentRequest request, PipelineListener listener, StageListener stages) {
            this.request = request;
            this.listener = listener;
            this.stages = stages;
        }

        VulnDb vulnDb() throws IOException {
            if (vulnDb == null) {
                vulnDb = AssessmentPipeline.openVulnDb(request.vulnDb());
            }
            return vulnDb;
        }

        String vulnIdentity() throws IOException {
            if (vulnIdentity == null) {
                vulnIdentity = VulnDataIdentity.of(request.vulnDb());
            }
            return vulnIdentity;
        }

        Keyed<FirmwareEvidence> evidence(String name, Path image) throws IOException {
            StageKey key = null;
            // only an image file has a content hash; a directory, a missing or a refused input is left to the
            // workspace, which says what is wrong with it
            if (store.keeps() && Files.isRegularFile(image, LinkOption.NOFOLLOW_LINKS)) {
                key = StageKey.of(Stage.EVIDENCE, Map.of("image", Sha256.of(image), "name", name));
            }
            boolean mustUnpack = request.workdir() != null; // the caller wants the unpacked files
            Path keep = request.workdir() == null ? null : request.workdir().resolve(name);
            return stage(Stage.EVIDENCE, name, key, FirmwareEvidence.class, mustUnpack ? null : "the evidence of " + name,
                    () -> FirmwareEvidence.gather(name, image, keep, listener));
        }

        Keyed<StageOutputs.Match> match(Keyed<FirmwareEvidence> evidence, Triage triage, List<String> vexHashes,
                                        int maxAge) throws IOException {
            FirmwareEvidence e = evidence.output();
            StageKey key = null;
            if (evidence.key() != null) {
                key = StageKey.of(Stage.MATCH, Map.of("evidence", evidence.key().hex(), "vulnData", vulnIdentity(),
                        "vex", String.join(",", vexHashes), "maxAge", Integer.toString(maxAge),
                        "day", today.toString()));
            }
            return stage(Stage.MATCH, e.name(), key, StageOutputs.Match.class, "the vulnerability match of " + e.name(),
                    () -> {
                        listener.stageStarted("matching vulnerabilities of " + e.name());
                        VulnDb db = vulnDb();
                        SbomChecks checks = new SbomChecks(db, OutdatedRules.bundled(), today).withTriage(triage)
                                .withMaxDataAge(maxAge);
                        List<Finding> found = e.vulnerabilityFindings(checks);
                        listener.stageDone(found.size() + " findings");
                        return new StageOutputs.Match(found, db.snapshot());
                    });
        }

        /**
         * The stored output under {@code key} if there is one that reads as this stage's, else computed (and stored
         * when keyed). {@code reusable} null: computed even when stored (the caller needs the work done).
         */
        <T> Keyed<T> stage(Stage stage, String subject, StageKey key, Class<T> type, String reusable,
                           Computation<T> computation) throws IOException {
            long t0 = System.nanoTime();
            if (key != null && reusable != null) {
                Optional<T> stored = stored(stage, subject, key, type);
                if (stored.isPresent()) {
                    listener.stageStarted("reusing " + reusable);
                    listener.stageDone("stored output " + key.hex().substring(0, 12));
                    return finish(stage, subject, key, StageOutcome.Status.REUSED, stored.get(), t0);
                }
            }
            T output = computation.compute();
            if (key == null) {
                return finish(stage, subject, null, StageOutcome.Status.NOT_STORED, output, t0);
            }
            try {
                store.put(key, StageCodec.encode(stage, key, output));
            } catch (IOException | RuntimeException e) {
                warn("could not store the " + stage.id() + " output of " + subject + ": " + e.getMessage());
            }
            return finish(stage, subject, key, StageOutcome.Status.COMPUTED, output, t0);
        }

        private <T> Optional<T> stored(Stage stage, String subject, StageKey key, Class<T> type) {
            Optional<byte[]> bytes;
            try {
                bytes = store.get(key);
            } catch (IOException | RuntimeException e) {
                warn("could not read the stored " + stage.id() + " output of " + subject + ": " + e.getMessage());
                return Optional.empty();
            }
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(StageCodec.decode(stage, key, bytes.get(), type));
            } catch (StageCodec.Rejected e) {
                stages.outputRejected(stage, subject, key, e.getMessage());
                warn("the stored " + stage.id() + " output of " + subject + " (" + key.hex().substring(0, 12)
                        + ") was not used and is computed again: " + e.getMessage());
                return Optional.empty();
            }
        }

        private <T> Keyed<T> finish(Stage stage, String subject, StageKey key, StageOutcome.Status status, T output,
                                    long t0) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            StageOutcome o = new StageOutcome(stage, subject, key, status, ms);
            outcomes.add(o);
            stages.stageFinished(o);
            return new Keyed<>(output, key, ms);
        }

        private void warn(String warning) {
            storeWarnings.add(warning);
            listener.progress("warning: " + warning);
        }
    }
}
