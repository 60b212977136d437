package org.iotb.cli;

import java.util.Arrays;
import java.util.List;
import org.iotb.cli.assess.AssessCommand;
import org.iotb.cli.catalog.CatalogCommand;
import org.iotb.cli.catalog.DeclarationsCommand;
import org.iotb.cli.catalog.IcsCommand;
import org.iotb.cli.catalog.ProfileCommand;
import org.iotb.cli.lab.LabCommand;
import org.iotb.cli.lab.SignCommand;
import org.iotb.cli.lab.VerifyCommand;
import org.iotb.cli.ixit.IxitCommand;
import org.iotb.cli.report.DiffCommand;
import org.iotb.cli.report.ReportCommand;
import org.iotb.cli.sbom.SbomCommand;
import org.iotb.cli.sbom.VulnDbCommand;
import org.iotb.cli.scan.ChecksCommand;
import org.iotb.cli.scan.ScanCommand;
import org.iotb.cli.serve.ServeCommand;
import org.iotb.cli.unpack.UnpackCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one list of iotb's subcommands, in the order `iotb --help` shows them. A command's name is read from its
 * own {@code @Command} annotation, so this list holds classes only. Every command lives in this module; the
 * libraries it calls know nothing of picocli.
 */
final class Commands {
    private static final List<Class<?>> TOP_LEVEL = List.of(
            AssessCommand.class, ReportCommand.class, DiffCommand.class, ProfileCommand.class,
            DeclarationsCommand.class, IxitCommand.class, IcsCommand.class, CatalogCommand.class, UnpackCommand.class,
            ScanCommand.class, SbomCommand.class, VulnDbCommand.class, ChecksCommand.class,
            LabCommand.class, SignCommand.class, VerifyCommand.class, ServeCommand.class);

    private Commands() {
    }

    /** Every subcommand: what help, `iotb` alone and picocli's "did you mean" need. */
    static void register(CommandLine root) {
        for (Class<?> type : TOP_LEVEL) {
            root.addSubcommand(create(type));
        }
    }

    /**
     * What these arguments need: only the subcommand {@code args[0]} names, with all its own subcommands; none for a
     * lone {@code --version}; every one otherwise. Building picocli's model of all twelve commands takes 60-90 ms,
     * a sixth of a small unpack's whole run, and a run uses one command.
     */
    static void register(CommandLine root, String... args) {
        if (args.length == 1 && asksForVersion(root, args[0])) {
            return;
        }
        if (args.length > 0) {
            for (Class<?> type : TOP_LEVEL) {
                if (answersTo(type, args[0])) {
                    root.addSubcommand(create(type));
                    return;
                }
            }
        }
        register(root);
    }

    private static boolean asksForVersion(CommandLine root, String arg) {
        CommandLine.Model.OptionSpec option = root.getCommandSpec().findOption(arg);
        return option != null && option.versionHelp();
    }

    private static boolean answersTo(Class<?> type, String word) {
        Command command = type.getAnnotation(Command.class);
        return command.name().equals(word) || Arrays.asList(command.aliases()).contains(word);
    }

    private static Object create(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the command " + type.getName(), e);
        }
    }
}
