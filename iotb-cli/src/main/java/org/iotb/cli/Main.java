package org.iotb.cli;

import org.iotb.model.Tool;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `iotb` root command and entry point; its subcommands come from {@link Commands}. */
@Command(name = "iotb",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Assess a consumer-IoT product against ETSI EN 303 645, MTSFB TC G044 and the Xiaomi IoT baseline.",
            "",
            "Start with:  iotb profile init -o product.yaml     (describe the product)",
            "             iotb ics --profile product.yaml --standard etsi-en-303-645",
            "             iotb assess --profile product.yaml --firmware fw.bin -o out/",
            ""},
        footer = {"", "Exit codes: 0 success (no failed mandatory requirement), 1 failures found, 2 bad usage or input.",
            "Run 'iotb COMMAND --help' for the options of each command."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = commandLine(args);
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    /** The command line with every subcommand registered. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** The command line for these arguments: when the first names a subcommand, only that one is registered. */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        Commands.register(cl, args);
        cl.setExecutionExceptionHandler(new UserErrors());
        cl.setParameterExceptionHandler(HelpText::onBadArguments);
        HelpText.tidy(cl);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the tool version from the jar manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Tool.nameAndVersion()};
        }
    }
}
