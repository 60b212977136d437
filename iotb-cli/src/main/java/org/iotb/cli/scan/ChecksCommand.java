package org.iotb.cli.scan;

import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.TextTable;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.iotb.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `iotb checks`: the stable ids of every check, what they look at and how to fix what they find. */
@Command(name = "checks", mixinStandardHelpOptions = true,
        description = "List and explain the checks (their ids are stable and usable in suppression files).",
        subcommands = {ChecksCommand.ListCmd.class, ChecksCommand.Show.class})
public final class ChecksCommand extends org.iotb.cli.common.ParentCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every check: id, source, title.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table or json.")
        String format;
        @Option(names = "--source", description = "Only checks of this source: firmware, sbom, device, assessment.")
        String source;

        @Override
        public Integer call() throws Exception {
            if (source != null && !CheckDescriptor.SOURCES.contains(source)) {
                throw new UserInputException("--source must be one of " + String.join(", ", CheckDescriptor.SOURCES));
            }
            List<CheckDescriptor> checks = Checks.all().stream()
                    .filter(c -> source == null || source.equals(c.source())).toList();
            if ("json".equals(format)) {
                spec.commandLine().getOut().println(Json.mapper().writeValueAsString(checks));
            } else if ("table".equals(format)) {
                TextTable t = new TextTable(40, "ID", "SOURCE", "TITLE");
                checks.forEach(c -> t.row(c.id(), c.source() + (Boolean.TRUE.equals(c.intrusive()) ? " (intrusive)" : ""), c.title()));
                spec.commandLine().getOut().print(t.render());
            } else {
                throw new UserInputException("--format must be table or json");
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Explain one check.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            CheckDescriptor c = Checks.find(id).orElseThrow(() -> new UserInputException("no check '" + id + "'; see 'iotb checks list'"));
            var out = spec.commandLine().getOut();
            out.println(c.id() + " — " + c.title() + " (" + c.source() + ")");
            out.println("  looks at:    " + c.description());
            if (c.rationale() != null) {
                out.println("  why:         " + c.rationale());
            }
            if (c.remediation() != null) {
                out.println("  remediation: " + c.remediation());
            }
            return 0;
        }
    }
}
