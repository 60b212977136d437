package org.iotb.cli.assess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessmentInput;
import org.iotb.assess.Assessor;
import org.iotb.assess.ImageFacts;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.assess.SourceFindings;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.Hashing;
import org.iotb.cli.common.Progress;
import org.iotb.cli.sbom.SbomCommand;
import org.iotb.probe.DeviceScanner;
import org.iotb.probe.DeviceTarget;
import org.iotb.probe.ProbeOptions;
import org.iotb.report.ExitCodes;
import org.iotb.report.ReportWriter;
import org.iotb.sbom.vuln.VulnDb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `iotb assess`: the product's main job, from a profile and its evidence to verdicts and reports. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        header = "Assess a product against all three baselines and write the reports (the main job).",
        description = {"Assess a product against all three baselines: gather evidence from its firmware image(s)",
            "and/or a live device, combine it with the profile and the manufacturer's declarations, decide a verdict",
            "(pass, fail, not-applicable, inconclusive, not-assessed) for every requirement, and write reports.",
            "Give two or more --firmware dumps of units of the same product to test per-device uniqueness.",
            "Example:",
            "  iotb assess --profile product.yaml --declarations decl.yaml --firmware fw.bin -o out/",
            "Outputs in OUTDIR: report.html, report.pdf, assessment.json, report.sarif, junit.xml, ics-*.csv/html.",
            "Exit code: 0 no failed mandatory requirement, 1 some failed (see --fail-on), 2 bad usage or input."})
public final class AssessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = {"-p", "--profile"}, required = true, description = "The product profile (see 'iotb profile init').")
    Path profile;
    @Option(names = {"-d", "--declarations"}, description = "The manufacturer's declarations (see 'iotb declarations init').")
    Path declarations;
    @Option(names = "--firmware", paramLabel = "IMAGE", description = "A firmware image (or unpacked directory); repeat for several units.")
    List<Path> firmware = new ArrayList<>();
    @Option(names = "--device", paramLabel = "HOST", description = "A live device to probe (only hosts you own); repeatable.")
    List<String> devices = new ArrayList<>();
    @Option(names = "--intrusive", description = "Allow credential guessing and brute-force resistance tests on --device.")
    boolean intrusive;
    @Option(names = "--ports", description = "Device ports to scan: a list/ranges like 22,80,8000-8100, or 'all'.")
    String ports;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "Directory for the reports.")
    Path outDir;
    @Option(names = {"-f", "--format"}, defaultValue = "all",
            description = "Comma-separated: html, pdf, json, sarif, junit, ics, oscal, or all (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--fail-on", defaultValue = "mandatory", description = "mandatory, any or none (default: ${DEFAULT-VALUE}).")
    String failOn;
    @Option(names = "--db", description = "Vulnerability store (default: $IOTB_VULNDB or ~/.cache/iotb/vulndb).")
    Path db;
    @Option(names = {"-w", "--workdir"}, description = "Keep the unpacked images under this directory.")
    Path workdir;
    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

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
        Catalog catalog = Catalog.load();
        Profile p = ProfileLoader.load(profile, catalog);
        Declarations d = declarations == null ? Declarations.NONE : DeclarationsLoader.load(declarations, catalog);
        Progress progress = new Progress(spec.commandLine().getErr(), quiet);

        List<InputRecord> inputs = new ArrayList<>();
        inputs.add(fileRecord(InputKind.PROFILE, profile));
        if (declarations != null) {
            inputs.add(fileRecord(InputKind.DECLARATIONS, declarations));
        }
        List<SourceFindings> findings = new ArrayList<>();
        List<ImageFacts> images = new ArrayList<>();
        Map<String, Long> timings = new LinkedHashMap<>();
        VulnDb vulnDb = firmware.isEmpty() ? null : SbomCommand.vulnDb(db);
        List<String> names = uniqueNames(firmware);
        for (int i = 0; i < firmware.size(); i++) {
            Path keep = workdir == null ? null : workdir.resolve(names.get(i));
            FirmwareEvidence fe = FirmwareEvidence.gather(names.get(i), firmware.get(i), keep, vulnDb, progress);
            inputs.add(fe.input());
            findings.add(fe.findings());
            images.add(fe.facts());
            fe.timings().forEach((k, v) -> timings.merge(k, v, Long::sum));
        }
        for (String host : devices) {
            long t0 = System.nanoTime();
            progress.start("probing " + host);
            ProbeOptions options = ProbeOptions.defaults().withIntrusive(intrusive);
            if (ports != null) {
                options = options.withPorts(org.iotb.probe.net.PortSpec.parse(ports));
            }
            DeviceScanner.DeviceScan scan = new DeviceScanner().scanWithFacts(DeviceTarget.of(host), options, progress::update);
            progress.done(scan.findings().size() + " findings");
            inputs.add(InputRecord.device(host));
            findings.add(new SourceFindings(host, InputKind.DEVICE, scan.findings(), scan.facts()));
            timings.merge("probe", (System.nanoTime() - t0) / 1_000_000, Long::sum);
        }
        List<String> warnings = new ArrayList<>();
        if (firmware.isEmpty() && devices.isEmpty()) {
            warnings.add("no firmware and no device given: verdicts rest on declarations alone");
        }
        progress.start("deciding verdicts");
        Assessment a = new Assessor().assess(new AssessmentInput(catalog, p, d, findings, inputs, images, timings, warnings, null));
        progress.done(a.verdicts().size() + " verdicts");
        List<Path> written = ReportWriter.write(a, catalog, outDir, formats);
        var out = spec.commandLine().getOut();
        out.print(Summary.text(a));
        written.forEach(w -> out.println("wrote " + w));
        return ExitCodes.of(a, failOnLevel);
    }

    private static InputRecord fileRecord(InputKind kind, Path file) throws java.io.IOException {
        return InputRecord.file(kind, file.getFileName().toString(), file.toString(), Hashing.sha256(file), Files.size(file));
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
