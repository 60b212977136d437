package org.iotb.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iotb.assess.Assessment;
import org.iotb.report.DiffReport;
import org.iotb.report.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotb diff OLD.json NEW.json}: what a new firmware version fixed and broke, per standard. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two assessments: verdicts fixed (fail -> pass), broke (-> fail) and other changes, per standard.",
                "Exit code: 0, or 1 with --fail-on-regression when something broke; 2 bad usage or input."})
public final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD.json")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW.json")
    Path newFile;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--fail-on-regression", description = "exit with 1 when a requirement newly fails")
    boolean failOnRegression;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("iotb diff: --format must be text or json, not '" + format + "'");
            return ExitCodes.USAGE;
        }
        Assessment before;
        Assessment after;
        try {
            before = Assessment.read(oldFile);
            after = Assessment.read(newFile);
        } catch (IOException | RuntimeException e) {
            err.println("iotb diff: cannot read an assessment: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        DiffReport.Diff d = DiffReport.compare(before, after);
        out.print(format.equals("json") ? DiffReport.json(d) + "\n" : DiffReport.text(d));
        out.flush();
        return failOnRegression && d.broke() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
