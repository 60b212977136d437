package org.iotb.cli.ixit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.assess.Assessment;
import org.iotb.assess.ixit.IxitAnswers;
import org.iotb.assess.ixit.IxitDeclarations;
import org.iotb.assess.ixit.IxitLoader;
import org.iotb.assess.ixit.IxitTemplate;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.catalog.testspec.TestSpecification;
import org.iotb.cli.common.Output;
import org.iotb.cli.common.Progress;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.AssessmentRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `iotb ixit`: the supplier questionnaire of ETSI TS 103 701 (the IXIT), written and checked. */
@Command(name = "ixit", mixinStandardHelpOptions = true,
        description = "Write or check the IXIT: the supplier's implementation information (ETSI TS 103 701).",
        subcommands = {IxitCommand.Init.class, IxitCommand.Check.class})
public final class IxitCommand extends org.iotb.cli.common.ParentCommand {

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Write the IXIT questionnaire: the 29 IXIT tables as commented YAML, each with the",
                "applicable EN 303 645 questions it carries (their answers count as declarations: assess --ixit).",
                "With --firmware, the tables are pre-filled from what the image shows (services, interfaces, SBOM",
                "components, update paths, accounts), each entry marked 'prefilled: firmware' for the supplier",
                "to confirm."})
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = {"-p", "--profile"}, required = true, description = "The product profile (YAML).")
        Path profile;
        @Option(names = "--firmware", paramLabel = "IMAGE", description = "A firmware image to pre-fill from; repeatable.")
        List<Path> firmware = new ArrayList<>();
        @Option(names = "--db", description = "Vulnerability store (default: $IOTB_VULNDB or ~/.cache/iotb/vulndb).")
        Path db;
        @Option(names = {"-o", "--output"}, description = "File to write (default: standard output).")
        Path output;
        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;
        @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            Output.refuseOverwrite(output, force);
            Catalog catalog = Catalog.load();
            TestSpecification ts = TestSpecification.load();
            Assessment evidence = null;
            if (!firmware.isEmpty()) {
                // the image's evidence, gathered exactly as assess gathers it (no declarations: nothing is claimed yet)
                evidence = new AssessmentPipeline(catalog).run(new AssessmentRequest(profile, null, firmware, List.of(),
                        null, db, null), new Progress(spec.commandLine().getErr(), quiet));
            }
            String text = IxitTemplate.render(ts, catalog, ProfileLoader.load(profile, catalog), evidence);
            IxitAnswers check = IxitLoader.parse(text, "the template", catalog, ts); // what we write must read back
            Output.write(text, output, spec.commandLine().getOut());
            if (output != null) {
                spec.commandLine().getErr().println("wrote " + output + ": " + check.tables().size() + " IXIT tables, "
                        + text.lines().filter(l -> l.equals("        support:")).count() + " question(s), "
                        + check.unconfirmed() + " entr" + (check.unconfirmed() == 1 ? "y" : "ies")
                        + " pre-filled from the firmware; check it with: iotb ixit check " + output);
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate an IXIT file and show what it answers.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "IXIT")
        Path file;

        @Override
        public Integer call() {
            IxitAnswers a = IxitLoader.load(file, Catalog.load(), TestSpecification.load());
            spec.commandLine().getOut().println(file + ": valid, " + a.tables().size() + " IXIT table(s), "
                    + a.declarations().size() + " provision answer(s) (they count as declarations)");
            String warning = IxitDeclarations.unconfirmedWarning(a);
            if (warning != null) {
                spec.commandLine().getErr().println("warning: " + warning);
            }
            return 0;
        }
    }
}
