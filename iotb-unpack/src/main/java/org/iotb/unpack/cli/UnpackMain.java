package org.iotb.unpack.cli;

import picocli.CommandLine;

/** Stand-alone entry point (benchmarks, debugging); the product registers {@link UnpackCommand} under iotb. */
public final class UnpackMain {
    private UnpackMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new UnpackCommand()).execute(args));
    }
}
