package org.iotb.cli.sbom;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.Output;
import org.iotb.cli.common.Progress;
import org.iotb.cli.scan.FindingsOutput;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.VulnerabilityTriage;
import org.iotb.pipeline.firmware.FirmwareWorkspace;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.applicability.ApplicabilityJudge;
import org.iotb.sbom.output.CycloneDxWriter;
import org.iotb.sbom.output.SbomFormat;
import org.iotb.sbom.output.SpdxWriter;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.vex.OpenVexWriter;
import org.iotb.sbom.vuln.vex.Triage;
import org.iotb.unpack.UnpackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `iotb sbom IMAGE`: the software bill of materials of a firmware image, and its known vulnerabilities. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        header = "Software bill of materials of a firmware image (CycloneDX, SPDX, table) and its known vulnerabilities.",
        description = {"List the software components inside a firmware image (package databases and version",
            "signatures in binaries), with purl, CPE and the evidence for each, and the known vulnerabilities",
            "they carry (bundled starter set plus whatever 'iotb vulndb import' loaded).",
            "Examples:",
            "  iotb sbom fw.bin                                   table with vulnerabilities",
            "  iotb sbom fw.bin --format cyclonedx -o bom.json    CycloneDX 1.6 JSON",
            "  iotb sbom fw.bin --format spdx -o fw.spdx.json     SPDX 2.3 JSON",
            "  iotb sbom fw.bin --format cyclonedx --vulns --vex lab.vex.json   with vulnerabilities and triage",
            "  iotb sbom fw.bin --format openvex --vex lab.vex.json             the lab's triage as OpenVEX"})
public final class SbomCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "IMAGE", description = "Firmware image file, or an unpacked directory.")
    Path image;
    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "cyclonedx, spdx, table, json or openvex"
            + " (the known vulnerabilities with the lab's triage) (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--vulns", description = "CycloneDX: add the known vulnerabilities (with their analysis) to the BOM.")
    boolean vulns;
    @Option(names = "--vex", paramLabel = "FILE", description = "The lab's triage, CycloneDX VEX or OpenVEX JSON"
            + " (repeatable): applied to the findings, the CycloneDX analysis and the OpenVEX output.")
    List<Path> vex = new java.util.ArrayList<>();
    @Option(names = "--max-vulndb-age", paramLabel = "DAYS", description = "Table: data older than this (default: 30),"
            + " or the starter set alone, cannot show that no known vulnerability applies.")
    Integer maxVulnDbAge;
    @Option(names = "--author", description = "OpenVEX: the document's author (the lab).")
    String author;
    @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.")
    Path output;
    @Option(names = "--db", description = "Vulnerability store (default: $IOTB_VULNDB or ~/.cache/iotb/vulndb).")
    Path db;
    @Option(names = {"-w", "--workdir"}, description = "Unpack here and keep the files (default: a temporary directory).")
    Path workdir;
    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        SbomFormat fmt;
        boolean openVex = format.trim().equalsIgnoreCase("openvex");
        try {
            fmt = openVex ? SbomFormat.JSON : SbomFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--format must be cyclonedx, spdx, table, json or openvex");
        }
        Triage triage;
        int maxAge;
        try {
            triage = VulnerabilityTriage.read(vex);
            maxAge = VulnerabilityTriage.maxAge(maxVulnDbAge);
        } catch (org.iotb.pipeline.PipelineInputException e) {
            throw new UserInputException(e.getMessage());
        }
        Progress progress = new Progress(spec.commandLine().getErr(), quiet);
        try (FirmwareWorkspace ws = FirmwareWorkspace.open(image, workdir, UnpackOptions.defaults(), progress)) {
            progress.stageStarted("identifying components");
            org.iotb.firmware.tree.FileTree tree = org.iotb.firmware.tree.FileTree.index(ws.treeRoot());
            Sbom sbom = new SbomBuilder().build(tree, SbomOptions.of(image.getFileName().toString(), ws.sha256()));
            progress.stageDone(sbom.components().size() + " components");
            VulnDb vulnDb = AssessmentPipeline.openVulnDb(db);
            // the outputs judge each match as the checks do: the image's own code may prove a fix or absent code
            ApplicabilityJudge code = ApplicabilityJudge.of(tree);
            triage = triage.withCodeEvidence(code);
            triage.warnings().forEach(w -> spec.commandLine().getErr().println("iotb: warning: " + w));
            StringBuilder text = new StringBuilder(switch (fmt) {
                case CYCLONEDX -> new CycloneDxWriter().toJson(sbom, vulnDb, triage, vulns);
                case SPDX -> new SpdxWriter().toJson(sbom, vulnDb.snapshot());
                case JSON -> openVex ? new OpenVexWriter().toJson(sbom, vulnDb, triage, author) : fmt.render(sbom);
                case TABLE -> fmt.render(sbom);
            });
            if (fmt == SbomFormat.TABLE) {
                text.append(vulnDb.snapshot().describe(java.time.LocalDate.now(java.time.ZoneOffset.UTC))).append('\n');
                List<Finding> findings = new SbomChecks(vulnDb).withTriage(triage).withMaxDataAge(maxAge)
                        .withCodeEvidence(code).run(sbom).stream()
                        .filter(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARNING
                                || f.outcome() == Outcome.INFO && f.check().equals(SbomChecks.VULNERABLE)).toList();
                if (!findings.isEmpty()) {
                    text.append('\n');
                    findings.forEach(f -> {
                        text.append(f.outcome().id().toUpperCase(java.util.Locale.ROOT)).append("  ").append(f.check())
                                .append("  ").append(f.message()).append('\n');
                        f.evidence().forEach(e -> text.append("    • ").append(FindingsOutput.describeEvidence(e)).append('\n'));
                    });
                }
            }
            Output.write(text.toString(), output, spec.commandLine().getOut());
        }
        return 0;
    }

}
