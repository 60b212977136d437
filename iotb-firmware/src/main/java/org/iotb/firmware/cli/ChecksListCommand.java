package org.iotb.firmware.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.iotb.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `iotb checks list`: every registered check (all modules) as a table or JSON. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List all checks with their stable ids.")
public final class ChecksListCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--prefix", description = "only ids starting with this (e.g. fw.elf.)")
    String prefix;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<CheckDescriptor> all = Checks.all().stream()
                .filter(d -> prefix == null || d.id().startsWith(prefix)).toList();
        if (format.equals("json")) {
            out.println(Json.mapper().writeValueAsString(all));
        } else if (format.equals("table")) {
            int w = all.stream().mapToInt(d -> d.id().length()).max().orElse(10);
            out.printf("%-" + w + "s  %-9s  %s%n", "ID", "SOURCE", "TITLE");
            for (CheckDescriptor d : all) {
                out.printf("%-" + w + "s  %-9s  %s%n", d.id(), d.source() == null ? "" : d.source(),
                        d.title() == null ? "" : d.title());
            }
        } else {
            spec.commandLine().getErr().println("unknown format " + format + " (table|json)");
            return 2;
        }
        out.flush();
        return 0;
    }
}
