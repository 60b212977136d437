package org.iotb.cli.scan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.Output;
import org.iotb.cli.common.Progress;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.firmware.suppress.Suppressions;
import org.iotb.model.ScanResult;
import org.iotb.model.Tool;
import org.iotb.pipeline.firmware.FirmwareWorkspace;
import org.iotb.unpack.UnpackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `iotb scan firmware IMAGE`: unpack, then run every firmware check over the tree. */
@Command(name = "firmware", mixinStandardHelpOptions = true,
        description = {"Unpack a firmware image and run every firmware check on its files (credentials, keys,",
            "certificates, ELF hardening, boot services, system settings, update tooling, leftovers).",
            "IMAGE may also be a directory that is already an unpacked root file system.",
            "Examples:",
            "  iotb scan firmware fw.bin",
            "  iotb scan firmware fw.bin --format sarif -o fw.sarif --suppressions accepted.yaml",
            "Exit code: 1 when a check fails (see --fail-on), 2 on bad input."})
public final class ScanFirmwareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "IMAGE", description = "Firmware image file, or an unpacked directory.")
    Path image;
    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = {"-o", "--output"}, description = "Write the result to this file instead of standard output.")
    Path output;
    @Option(names = "--checks", split = ",", description = "Only these check ids (see 'iotb checks list').")
    Set<String> checks;
    @Option(names = "--suppressions", description = "YAML list of {check, path, justification, expires} to accept.")
    Path suppressions;
    @Option(names = {"-w", "--workdir"}, description = "Unpack here and keep the files (default: a temporary directory).")
    Path workdir;
    @Option(names = "--threads", defaultValue = "0", description = "Check threads (default: one per core).")
    int threads;
    @Option(names = "--fail-on", defaultValue = "fail", description = "fail, warning or none: which outcome makes the exit code 1.")
    String failOn;
    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (!FindingsOutput.FORMATS.contains(format)) {
            throw new UserInputException("--format must be one of " + FindingsOutput.FORMATS);
        }
        if (!List.of("fail", "warning", "none").contains(failOn)) {
            throw new UserInputException("--fail-on must be fail, warning or none");
        }
        Progress progress = new Progress(spec.commandLine().getErr(), quiet);
        ScanResult result;
        try (FirmwareWorkspace ws = FirmwareWorkspace.open(image, workdir, UnpackOptions.defaults(), progress)) {
            FirmwareScanOptions options = FirmwareScanOptions.defaults().withBootEnv(ws.bootEnvironment())
                    .withUpdateFormat(ws.updateImageFormat());
            if (checks != null) {
                options = options.withChecks(checks);
            }
            if (threads > 0) {
                options = options.withThreads(threads);
            }
            if (suppressions != null) {
                options = options.withSuppressions(Suppressions.load(suppressions));
            }
            progress.stageStarted("checking " + ws.treeRoot().getFileName());
            FirmwareScanner.Report report = new FirmwareScanner().scanReport(ws.treeRoot(), options);
            progress.stageDone(report.findings().size() + " findings");
            Map<String, Object> stats = new LinkedHashMap<>(report.stats());
            java.util.List<String> warnings = new java.util.ArrayList<>(report.warnings());
            if (ws.unpack() != null) {
                stats.put("unpackedFiles", ws.unpack().entries().size());
                warnings.addAll(ws.unpack().warnings());
                if (workdir != null) {
                    stats.put("workdir", workdir.toString());
                }
            }
            result = new ScanResult(Tool.nameAndVersion(), image.toString(), ws.sha256(), report.findings(), warnings, stats);
        }
        Output.write(FindingsOutput.render(result, format), output, spec.commandLine().getOut());
        return FindingsOutput.exitCode(result, failOn);
    }
}
