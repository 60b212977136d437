package org.iotb.cli;

import org.iotb.cli.catalog.CatalogCommand;
import org.iotb.cli.catalog.DeclarationsCommand;
import org.iotb.cli.catalog.IcsCommand;
import org.iotb.cli.catalog.ProfileCommand;
import picocli.CommandLine;

/** The one list of iotb's subcommands. */
final class Commands {
    private Commands() {
    }

    static void register(CommandLine root) {
        root.addSubcommand(new CatalogCommand());
        root.addSubcommand(new ProfileCommand());
        root.addSubcommand(new DeclarationsCommand());
        root.addSubcommand(new IcsCommand());
    }
}
