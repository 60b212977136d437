package org.iotb.cli.sbom;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iotb.sbom.vuln.VulnDb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code iotb vulndb import FILE… | status [--db DIR]}: manage the local vulnerability store. */
@Command(name = "vulndb", mixinStandardHelpOptions = true,
        description = "Manage the local vulnerability store (OSV and NVD files you downloaded).",
        subcommands = {VulnDbCommand.Import.class, VulnDbCommand.Status.class})
public final class VulnDbCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Store directory (default: $IOTB_VULNDB or ~/.cache/iotb/vulndb).")
    Path db;

    @Spec
    CommandSpec spec;

    Path store() {
        return db != null ? db : VulnDb.defaultStore();
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import OSV (JSON record, array or zip) and NVD CVE API 2.0 JSON files, gzip allowed.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        VulnDbCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            VulnDb vdb = VulnDb.open(parent.store());
            int failures = 0;
            for (Path f : files) {
                try {
                    VulnDb.ImportRecord r = vdb.importFile(f);
                    out.printf("%s: %s, %d records read, %d kept (about components iotb identifies), %d skipped%n",
                            f, r.format(), r.records(), r.kept(), r.skipped());
                } catch (Exception e) {
                    failures++;
                    err.printf("%s: cannot import: %s%n", f, e.getMessage());
                }
            }
            out.flush();
            return failures == 0 ? 0 : 1;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the store holds.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        VulnDbCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            VulnDb vdb = VulnDb.open(parent.store());
            Map<String, Object> s = vdb.status();
            out.printf("store:   %s%n", s.get("store"));
            out.printf("starter: %s bundled records%n", s.get("starter"));
            out.printf("nvd:     %s records%n", s.get("nvd"));
            out.printf("osv:     %s records%n", s.get("osv"));
            @SuppressWarnings("unchecked")
            List<VulnDb.ImportRecord> imports = (List<VulnDb.ImportRecord>) s.get("imports");
            for (VulnDb.ImportRecord r : imports) {
                out.printf("  imported %s (%s, %d kept) at %s%n", r.file(), r.format(), r.kept(), r.at());
            }
            out.flush();
            return 0;
        }
    }
}
