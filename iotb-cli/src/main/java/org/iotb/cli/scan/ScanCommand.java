package org.iotb.cli.scan;

import picocli.CommandLine.Command;

/** `iotb scan`: the evidence sources on their own, without a profile or verdicts. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        header = "Run the checks of one evidence source (firmware or device) and print findings.",
        description = {"Run the checks of one evidence source and print findings (no profile, no verdicts):",
            "  iotb scan firmware IMAGE     what the image itself shows",
            "  iotb scan device HOST        what a live device on your bench shows (only hosts you name)"},
        subcommands = {ScanFirmwareCommand.class, DeviceScanCommand.class})
public final class ScanCommand extends org.iotb.cli.common.ParentCommand {
}
