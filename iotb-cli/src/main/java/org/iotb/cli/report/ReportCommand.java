package org.iotb.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.assess.Assessment;
import org.iotb.catalog.Catalog;
import org.iotb.report.ExitCodes;
import org.iotb.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotb report ASSESSMENT.json --format html,pdf -o OUTDIR}: re-renders a saved assessment. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render an assessment JSON (from iotb assess) as HTML, PDF, SARIF, JUnit XML, conformance statements.",
                "Exit code: 0 when the reports were written, whatever the verdicts (use --fail-on for a gate: 1 when a"
                        + " failed requirement counts at that level), 2 bad usage or input."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ASSESSMENT", description = "assessment.json written by iotb assess")
    Path assessment;

    @Option(names = "--format", defaultValue = "html,json", paramLabel = "LIST",
            description = "comma-separated: html, pdf, json, sarif, junit, ics, oscal, or all (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "directory to write into")
    Path outDir;

    // re-rendering is not assessing: by default the exit code says whether the reports were written, not what the
    // assessment found (iotb assess does that); a pipeline that gates on a saved assessment names a level
    @Option(names = "--fail-on", defaultValue = "none", paramLabel = "LEVEL",
            description = "which results give exit code 1: mandatory, any, none, or unverified (a failed mandatory"
                    + " requirement, or a mandatory one passing on a declaration alone) (default: ${DEFAULT-VALUE})")
    String failOn;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<String> formats;
        ExitCodes.FailOn level;
        try {
            formats = ReportWriter.parseFormats(format);
            level = ExitCodes.FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            err.println("iotb report: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(assessment)) {
            err.println("iotb report: " + assessment + ": no such file");
            return ExitCodes.USAGE;
        }
        Assessment a;
        try {
            a = Assessment.read(assessment);
        } catch (IOException | RuntimeException e) {
            err.println("iotb report: " + assessment + " is not a readable assessment: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            for (Path p : ReportWriter.write(a, Catalog.load(), outDir, formats)) {
                out.println(p);
            }
        } catch (IOException | RuntimeException e) {
            err.println("iotb report: cannot write the report: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        out.flush();
        return ExitCodes.of(a, level);
    }
}
