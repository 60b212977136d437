package org.iotb.cli.catalog;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iotb.assess.ixit.IxitLoader;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.declarations.DeclarationsTemplate;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.catalog.testspec.TestSpecification;
import org.iotb.cli.common.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `iotb declarations`: the manufacturer's Y / N / N/A answers per applicable requirement. */
@Command(name = "declarations", mixinStandardHelpOptions = true,
        description = "Write or check the manufacturer's declarations (support Y/N/N/A, detail, evidence).",
        subcommands = {DeclarationsCommand.Init.class, DeclarationsCommand.Check.class})
public final class DeclarationsCommand extends org.iotb.cli.common.ParentCommand {

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Write a template listing exactly the requirements that apply to the profiled product.",
                "Each distinct question is asked once: an answer also answers the equivalent requirements of the",
                "other standards listed under it (crosswalk), which carry it when the file is read. With --ixit,",
                "the questions the supplier's IXIT already answers are left out."})
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = {"-p", "--profile"}, required = true, description = "The product profile (YAML).")
        Path profile;
        @Option(names = {"-o", "--output"}, description = "File to write (default: standard output).")
        Path output;
        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;
        @Option(names = "--ixit", paramLabel = "FILE", description = "The supplier's IXIT (iotb ixit init): the"
                + " questions its answers already answer are left out, so none is asked twice.")
        Path ixit;

        @Override
        public Integer call() throws Exception {
            Output.refuseOverwrite(output, force);
            Catalog catalog = Catalog.load();
            Declarations answered = ixit == null ? Declarations.NONE
                    : IxitLoader.load(ixit, catalog, TestSpecification.load()).declarations().withCarried(catalog.crosswalk());
            String text = DeclarationsTemplate.render(catalog, ProfileLoader.load(profile, catalog), answered,
                    ixit == null ? null : ixit.getFileName().toString());
            DeclarationsLoader.parse(text, "the template", catalog); // what we write must read back
            Output.write(text, output, spec.commandLine().getOut());
            if (output != null) {
                spec.commandLine().getErr().println("wrote " + output + ": "
                        + text.lines().filter(l -> l.equals("    support:")).count() + " question(s); check it with:"
                        + " iotb declarations check " + output);
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a declarations file and show what it answers, with the answers carried to",
                "equivalent requirements of the other standards."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "DECLARATIONS")
        Path file;

        @Override
        public Integer call() {
            Catalog catalog = Catalog.load();
            Declarations d = DeclarationsLoader.load(file, catalog).withCarried(catalog.crosswalk());
            int carried = d.carriedCount();
            spec.commandLine().getOut().println(file + ": valid, " + (d.size() - carried) + " declaration(s)"
                    + (carried == 0 ? "" : ", " + carried + " more carried to equivalent requirements"));
            d.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            return 0;
        }
    }
}
