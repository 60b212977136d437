package org.iotb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the iotb command in-process and captures what it prints. */
final class Cli {
    final int exit;
    final String out;
    final String err;

    private Cli(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    /** As `iotb ARGS` runs it: with only the subcommands these arguments need registered. */
    static Cli run(String... args) {
        return run(Main.commandLine(args), args);
    }

    /** With every subcommand registered, whatever the arguments. */
    static Cli runWithEveryCommand(String... args) {
        return run(Main.commandLine(), args);
    }

    private static Cli run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The repository root (tests run with the module directory as working directory). */
    static Path repo() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    static String example(String file) {
        return repo().resolve("examples/smart-lock").resolve(file).toString();
    }
}
