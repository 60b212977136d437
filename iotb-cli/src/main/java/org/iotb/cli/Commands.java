package org.iotb.cli;

import org.iotb.cli.assess.AssessCommand;
import org.iotb.cli.catalog.CatalogCommand;
import org.iotb.cli.catalog.DeclarationsCommand;
import org.iotb.cli.catalog.IcsCommand;
import org.iotb.cli.catalog.ProfileCommand;
import org.iotb.cli.scan.ChecksCommand;
import org.iotb.cli.scan.ScanCommand;
import org.iotb.cli.scan.ScanFirmwareCommand;
import org.iotb.cli.sbom.SbomCommand;
import org.iotb.probe.cli.DeviceScanCommand;
import org.iotb.sbom.cli.VulnDbCommand;
import org.iotb.report.cli.DiffCommand;
import org.iotb.report.cli.ReportCommand;
import org.iotb.unpack.cli.UnpackCommand;
import picocli.CommandLine;

/** The one list of iotb's subcommands, in the order `iotb --help` shows them. */
final class Commands {
    private Commands() {
    }

    static void register(CommandLine root) {
        root.addSubcommand(new AssessCommand());
        root.addSubcommand(new ReportCommand());
        root.addSubcommand(new DiffCommand());
        root.addSubcommand(new ProfileCommand());
        root.addSubcommand(new DeclarationsCommand());
        root.addSubcommand(new IcsCommand());
        root.addSubcommand(new CatalogCommand());
        root.addSubcommand(new UnpackCommand());
        CommandLine scan = new CommandLine(new ScanCommand());
        scan.addSubcommand(new ScanFirmwareCommand());
        scan.addSubcommand(new DeviceScanCommand(org.iotb.cli.scan.FindingsOutput::render));
        root.addSubcommand(scan);
        root.addSubcommand(new SbomCommand());
        root.addSubcommand(new VulnDbCommand());
        root.addSubcommand(new ChecksCommand());
    }
}
