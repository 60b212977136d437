package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** `iotb X ...` builds only subcommand X; everything else must look exactly as with every command registered. */
class LazyCommandsTest {
    private static final List<String> ALL = List.of("assess", "report", "diff", "profile", "declarations", "ixit", "ics",
            "catalog", "unpack", "scan", "sbom", "vulndb", "checks", "lab", "sign", "verify", "serve");

    @Test
    void aCommandNameRegistersOnlyThatCommand() {
        for (String name : ALL) {
            assertThat(Main.commandLine(name, "--help").getSubcommands().keySet()).as(name).containsExactly(name);
        }
        assertThat(Main.commandLine("scan", "firmware", "x.bin").getSubcommands().get("scan").getSubcommands())
                .containsOnlyKeys("firmware", "device");
    }

    @Test
    void helpTyposAndNoArgumentsRegisterEveryCommandInHelpOrder() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h"}, {"help", "unpack"}, {"unpak"}, {"--bogus"},
                {"--version", "unpack"}}) {
            assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(ALL);
        }
    }

    @Test
    void helpListsEveryCommand() {
        Cli c = Cli.run("--help");
        assertThat(c.exit).isZero();
        for (String name : ALL) {
            assertThat(c.out).containsPattern("(?m)^  " + name + " ");
        }
        assertThat(Cli.run().out).isEqualTo(c.out);
    }

    @Test
    void aLoneVersionOptionNeedsNoCommand() {
        assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(Main.commandLine("-V").getSubcommands()).isEmpty();
        Cli c = Cli.run("--version");
        assertThat(c.exit).isZero();
        assertThat(c.out).startsWith("iotb ").isEqualTo(Cli.runWithEveryCommand("--version").out);
    }

    @Test
    void commandHelpIsTheSameAsWithEveryCommandRegistered() {
        for (String name : ALL) {
            Cli lazy = Cli.run(name, "--help");
            assertThat(lazy.exit).as(name).isZero();
            assertThat(lazy.out).as(name).contains("Usage: iotb " + name + " ")
                    .isEqualTo(Cli.runWithEveryCommand(name, "--help").out);
        }
        Cli firmware = Cli.run("scan", "firmware", "--help");
        assertThat(firmware.exit).isZero();
        assertThat(firmware.out).startsWith("Usage: iotb scan firmware")
                .isEqualTo(Cli.runWithEveryCommand("scan", "firmware", "--help").out);
    }

    @Test
    void aTypoStillGetsASuggestion() {
        Cli c = Cli.run("unpak", "fw.bin");
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err).contains("Unmatched arguments from index 0: 'unpak', 'fw.bin'")
                .contains("Did you mean: iotb unpack?");
    }

    @Test
    void usageErrorsInsideACommandAreUnchanged() {
        Cli lazy = Cli.run("unpack", "--no-such-option", "fw.bin", "-o", "out");
        Cli full = Cli.runWithEveryCommand("unpack", "--no-such-option", "fw.bin", "-o", "out");
        assertThat(lazy.exit).isEqualTo(2).isEqualTo(full.exit);
        assertThat(lazy.err).contains("Unknown option: '--no-such-option'").isEqualTo(full.err);
    }
}
