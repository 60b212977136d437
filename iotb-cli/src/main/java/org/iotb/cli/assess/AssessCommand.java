package org.iotb.cli.assess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.assess.Assessment;
import org.iotb.assess.Releases;
import org.iotb.assess.lab.LabAttachments;
import org.iotb.assess.lab.LabJudgement;
import org.iotb.assess.lab.LabRecord;
import org.iotb.catalog.Catalog;
import org.iotb.cli.lab.LabCommand;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.Progress;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.AssessmentRequest;
import org.iotb.pipeline.NothingExaminedException;
import org.iotb.pipeline.stage.DirectoryStageStore;
import org.iotb.pipeline.stage.StageOutcome;
import org.iotb.pipeline.stage.StagedPipeline;
import org.iotb.pipeline.stage.StagedRun;
import org.iotb.report.ExitCodes;
import org.iotb.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `iotb assess`: the product's main job, from a profile and its evidence to verdicts and reports. A thin face on
 * {@link AssessmentPipeline}: options in, the pipeline's assessment rendered by the report module, a summary out.
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
        header = "Assess a product against all three baselines and write the reports (the main job).",
        description = {"Assess a product against all three baselines: gather evidence from its firmware image(s)",
            "and/or a live device, combine it with the profile and the manufacturer's declarations, decide a verdict",
            "(pass, fail, not-applicable, inconclusive, not-assessed) for every requirement, and write reports.",
            "Give two or more --firmware dumps of units of the same product to test per-device uniqueness.",
            "Example:",
            "  iotb assess --profile product.yaml --declarations decl.yaml --firmware fw.bin -o out/",
            "Outputs in OUTDIR: report.html, report.pdf, assessment.json, report.sarif, junit.xml, ics-*.csv/html.",
            "Exit code: 0 no failed mandatory requirement, 1 some failed (see --fail-on), 2 bad usage or input,",
            "or nothing could be examined (no --firmware or --device without --declarations-only, or no input could",
            "be unpacked or reached)."})
public final class AssessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = {"-p", "--profile"}, required = true, description = "The product profile (see 'iotb profile init').")
    Path profile;
    @Option(names = {"-d", "--declarations"}, description = "The manufacturer's declarations (see 'iotb declarations init').")
    Path declarations;
    @Option(names = "--ixit", paramLabel = "FILE", description = "The supplier's IXIT (see 'iotb ixit init'); its"
            + " provision answers count as declarations.")
    Path ixit;
    @Option(names = "--firmware", paramLabel = "IMAGE", description = "A firmware image (or unpacked directory); repeat for several units.")
    List<Path> firmware = new ArrayList<>();
    @Option(names = "--device", paramLabel = "HOST", description = "A live device to probe (only hosts you own); repeatable.")
    List<String> devices = new ArrayList<>();
    @Option(names = "--intrusive", description = "Allow credential guessing and brute-force resistance tests on --device.")
    boolean intrusive;
    @Option(names = "--ports", description = "Device ports to scan: a list/ranges like 22,80,8000-8100, or 'all'.")
    String ports;
    @Option(names = "--udp-ports", paramLabel = "LIST", description = "Also probe UDP on --device, at these ports: "
            + "service=port (coap, coaps, ssdp, mdns, snmp, tftp) or bare ports that get every probe, e.g. "
            + "coap=5684,snmp=1161,5000.")
    String udpPorts;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "Directory for the reports.")
    Path outDir;
    @Option(names = {"-f", "--format"}, defaultValue = "all",
            description = "Comma-separated: html, pdf, json, sarif, junit, ics, oscal, or all (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--fail-on", defaultValue = "mandatory", description = "mandatory, any, none, or unverified: also"
            + " exit 1 when a mandatory requirement passes on a declaration alone (basis 'declared') (default: ${DEFAULT-VALUE}).")
    String failOn;
    @Option(names = "--standard", paramLabel = "ID", description = "Assess only this standard (repeatable; ids as"
            + " 'iotb catalog standards' prints them; 'all' for every one). Default: the standards assessed by default;"
            + " a derived view (uk-psti, au-smart-devices, sg-cls-level-1/2) adds the standard it reads.")
    List<String> standards = new ArrayList<>();
    @Option(names = "--declarations-only", description = "Assess from the profile and declarations alone, with no"
            + " --firmware or --device: every pass then rests on the manufacturer's word (basis 'declared').")
    boolean declarationsOnly;
    @Option(names = "--db", description = "Vulnerability store (default: $IOTB_VULNDB or ~/.cache/iotb/vulndb).")
    Path db;
    @Option(names = "--vex", paramLabel = "FILE", description = "The lab's triage, CycloneDX VEX or OpenVEX JSON"
            + " (repeatable): not_affected (with a justification) and fixed take a CVE out of the verdicts; it stays"
            + " in every report with who said why. The file is hashed into the inputs.")
    List<Path> vex = new ArrayList<>();
    @Option(names = "--max-vulndb-age", paramLabel = "DAYS", description = "Oldest vulnerability data (newest record)"
            + " a 'no known vulnerability' may rest on (default: 30). Older data, or the starter set alone, makes the"
            + " known-vulnerability requirements inconclusive; a vulnerable component found still fails.")
    Integer maxVulnDbAge;
    @Option(names = {"-w", "--workdir"}, description = "Keep the unpacked images under this directory.")
    Path workdir;
    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;
    @Option(names = "--cache", paramLabel = "DIR", description = "Keep each stage's output (per image: unpack+checks+SBOM,"
            + " vulnerability match; the verdicts) in DIR and reuse it when its inputs are the same: a re-run after new"
            + " declarations or vulnerability data unpacks nothing (docs/architecture.md, \"Stages\").")
    Path cache;
    @Option(names = "--lab", paramLabel = "LAB.yaml", description = "The test lab's record and observations (see 'iotb lab"
            + " init'); its attachments are copied into OUTDIR/attachments/.")
    Path lab;
    @Option(names = "--release", paramLabel = "VERSION", description = "The firmware release this assessment is of"
            + " (labels the reports and 'iotb diff'; default: the lab record's device-under-test firmware, else the profile's).")
    String release;

    @Override
    public Integer call() throws Exception {
        List<String> formats;
        ExitCodes.FailOn failOnLevel;
        try {
            formats = ReportWriter.parseFormats(format);
            failOnLevel = ExitCodes.FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        AssessmentPipeline pipeline = new AssessmentPipeline(Catalog.load()).withIxit(ixit);
        LabRecord labRecord = lab == null ? null : LabCommand.load(lab, pipeline.catalog()); // bad record: exit 2 before any work
        AssessmentRequest request = new AssessmentRequest(profile, declarations, firmware, devices,
                AssessmentRequest.probeOptions(intrusive, ports, udpPorts), db, workdir)
                .withStandards(standards).withDeclarationsOnly(declarationsOnly)
                .withVulnerabilityTriage(vex, maxVulnDbAge);
        Assessment a;
        String nothingExamined = null;
        try {
            Progress progress = new Progress(spec.commandLine().getErr(), quiet);
            if (cache == null) {
                a = pipeline.run(request, progress);
            } else {
                StagedRun run = new StagedPipeline(pipeline, new DirectoryStageStore(cache)).run(request, progress);
                a = run.assessment();
                run.storeWarnings().forEach(w -> spec.commandLine().getErr().println("iotb: warning: " + w));
                if (!quiet) {
                    long reused = run.stages().stream().filter(StageOutcome::reused).count();
                    spec.commandLine().getErr().println("stages reused from " + cache + ": " + reused + " of "
                            + run.stages().size());
                }
            }
        } catch (NothingExaminedException e) {
            // the reports still say what was tried (warnings, entropy); the run is not a success
            a = e.assessment();
            nothingExamined = e.getMessage();
        }
        if (labRecord != null) {
            a = LabJudgement.apply(a, labRecord, pipeline.catalog());
        }
        a = Releases.label(a, release, labRecord);
        List<Path> written = new ArrayList<>(ReportWriter.write(a, pipeline.catalog(), outDir, formats));
        if (labRecord != null) {
            written.addAll(LabAttachments.copyInto(labRecord, outDir));
        }
        var out = spec.commandLine().getOut();
        out.print(Summary.text(a));
        written.forEach(w -> out.println("wrote " + w));
        if (nothingExamined != null) {
            spec.commandLine().getErr().println("iotb: " + nothingExamined);
            return ExitCodes.USAGE;
        }
        return ExitCodes.of(a, failOnLevel);
    }
}
