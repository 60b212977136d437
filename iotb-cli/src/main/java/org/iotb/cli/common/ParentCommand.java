package org.iotb.cli.common;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: run on its own, it prints its usage (the list of subcommands). */
public abstract class ParentCommand implements Runnable {
    @Spec
    protected CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
