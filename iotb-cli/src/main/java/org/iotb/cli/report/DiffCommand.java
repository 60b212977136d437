package org.iotb.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iotb.assess.Assessment;
import org.iotb.report.DiffReport;
import org.iotb.model.io.SafeOutput;
import org.iotb.report.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotb diff OLD.json NEW.json}: what a new firmware version fixed and broke, per standard. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two assessments: verdicts fixed (fail -> pass), broke (-> fail), still failing and other changes,"
                + " per standard.",
                "Exit code: 0, or 1 with --fail-on-regression when something broke; 2 bad usage or input.",
                "Example:",
                "  iotb diff old/assessment.json new/assessment.json --format html -o diff.html"})
public final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "assessment.json of the earlier release")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "assessment.json of the later release")
    Path newFile;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or html (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to this file instead of standard output")
    Path output;

    @Option(names = "--fail-on-regression", description = "exit with 1 when a requirement newly fails")
    boolean failOnRegression;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("text") && !format.equals("json") && !format.equals("html")) {
            err.println("iotb diff: --format must be text, json or html, not '" + format + "'");
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
        DiffReport.Diff d = releaseLabels(DiffReport.compare(before, after), before, after);
        String text = switch (format) {
            case "json" -> DiffReport.json(d) + "\n";
            case "html" -> DiffReport.html(d);
            default -> DiffReport.text(d);
        };
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            try {
                SafeOutput.writeString(output, text);
            } catch (IOException | RuntimeException e) {
                err.println("iotb diff: cannot write " + output + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            out.println(output);
            out.flush();
        }
        return failOnRegression && d.broke() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * Each release by its own label: the product and firmware version each assessment records ({@code assess
     * --release}). Assessments made before --release from one profile both carry the profile's version; then each
     * label also names the firmware it assessed, so the two can be told apart.
     */
    static DiffReport.Diff releaseLabels(DiffReport.Diff d, Assessment before, Assessment after) {
        if (d.oldProduct() == null || !d.oldProduct().equals(d.newProduct())) {
            return d;
        }
        String o = firmware(before);
        String n = firmware(after);
        if (o.isEmpty() || o.equals(n)) {
            return d;
        }
        return new DiffReport.Diff(d.oldProduct() + " [" + o + "]", d.newProduct() + " [" + n + "]", d.oldCreatedAt(),
                d.newCreatedAt(), d.oldInputs(), d.newInputs(), d.standards());
    }

    private static String firmware(Assessment a) {
        return String.join(", ", a.inputs().stream().filter(i -> i.kind() == org.iotb.assess.InputKind.FIRMWARE)
                .map(org.iotb.assess.InputRecord::name).toList());
    }
}
