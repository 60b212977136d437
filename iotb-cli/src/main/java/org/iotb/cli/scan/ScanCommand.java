package org.iotb.cli.scan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `iotb scan`: the evidence sources on their own, without a profile or verdicts. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Run the checks of one evidence source and print findings (no profile, no verdicts):",
            "  iotb scan firmware IMAGE     what the image itself shows",
            "  iotb scan device HOST        what a live device on your bench shows (only hosts you name)"})
public final class ScanCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
