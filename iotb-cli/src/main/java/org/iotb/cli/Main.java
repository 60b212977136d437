package org.iotb.cli;

import org.iotb.catalog.CatalogException;
import org.iotb.model.Tool;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `iotb` launcher: every subcommand is registered here. */
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
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        Commands.register(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CatalogException || ex instanceof UserInputException
                    || ex instanceof java.nio.file.NoSuchFileException) {
                commandLine.getErr().println("iotb: " + (ex instanceof java.nio.file.NoSuchFileException
                        ? "no such file: " + ex.getMessage() : ex.getMessage()));
                return 2;
            }
            throw ex;
        });
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
