package org.iotb.cli.lab;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iotb.assess.lab.LabRecord;
import org.iotb.assess.lab.LabRecordException;
import org.iotb.assess.lab.LabRecordLoader;
import org.iotb.catalog.Catalog;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotb lab init|check}: the test lab's record (lab.yaml) that {@code iotb assess --lab} reads. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        header = "Write or check the test lab's record (lab.yaml) for 'iotb assess --lab'.",
        description = {"The lab record names the lab, client, report id, dates, device under test and people, and holds",
            "the lab's own observations (with attachments), kept apart from the manufacturer's statements.",
            "Example: iotb lab init -o lab.yaml; iotb lab check lab.yaml"},
        subcommands = {LabCommand.Init.class, LabCommand.Check.class})
public final class LabCommand extends org.iotb.cli.common.ParentCommand {

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Write a commented lab record template (docs/reports.md, \"Lab record\").")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = {"-o", "--output"}, description = "File to write (default: standard output).")
        Path output;
        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            Output.refuseOverwrite(output, force);
            Output.write(LabRecordLoader.template(), output, spec.commandLine().getOut());
            if (output != null) {
                spec.commandLine().getErr().println("wrote " + output + "; fill it in, then: iotb lab check " + output);
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a lab record: keys, dates, requirement ids, attachments (must exist; hashed).",
                "Exit code: 0 valid, 2 not."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "LAB.yaml")
        Path file;

        @Override
        public Integer call() {
            LabRecord r = load(file, Catalog.load());
            spec.commandLine().getOut().println(file + ": " + r.observations().size() + " observation(s), "
                    + r.observations().stream().flatMap(o -> o.attachments().stream()).map(a -> a.file()).distinct().count()
                    + " attachment file(s), hashed");
            return 0;
        }
    }

    /** Reads a lab record; what is wrong with it is a usage error (exit 2). */
    public static LabRecord load(Path file, Catalog catalog) {
        try {
            return new LabRecordLoader(catalog).load(file);
        } catch (LabRecordException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
