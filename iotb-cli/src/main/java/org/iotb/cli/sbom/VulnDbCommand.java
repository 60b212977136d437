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

/**
 * {@code iotb vulndb update | import FILE… | import --verify BUNDLE | bundle -o FILE | status [--db DIR]}: fill and
 * carry the local vulnerability store (see docs/vulnerability-data.md).
 */
@Command(name = "vulndb", mixinStandardHelpOptions = true,
        description = "Manage the local vulnerability store: download feeds, import files, bundle it for offline use.",
        subcommands = {VulnDbCommand.Import.class, VulnDbCommand.Status.class, VulnDbUpdateCommand.class,
            VulnDbBundleCommand.class})
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
            description = {"Import OSV (JSON record, array or zip), NVD CVE API 2.0 JSON and Debian security tracker"
                + " JSON files, gzip allowed.",
                "With --verify: load a bundle written by 'iotb vulndb bundle' after checking every file's sha256"
                + " against its manifest (exit 2 on any mismatch); the store then holds exactly the bundle's data."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        VulnDbCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Option(names = "--verify", description = "The files are bundles (iotb vulndb bundle): verify, then load.")
        boolean verify;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (verify) {
                return VulnDbBundleCommand.importBundles(files, parent.store(), out, err);
            }
            VulnDb vdb = VulnDb.open(parent.store());
            int failures = 0;
            for (Path f : files) {
                if (VulnDbBundleCommand.looksLikeBundle(f)) {
                    failures++;
                    err.printf("%s: a vulnerability data bundle: load it with 'iotb vulndb import --verify %s'%n", f, f);
                    continue;
                }
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
            for (String k : List.of("distro", "kev", "epss")) {
                if (s.containsKey(k)) {
                    out.printf("%-8s %s %s%n", k + ":", s.get(k), k.equals("distro") ? "distribution advisories"
                            : k.equals("kev") ? "known exploited CVEs (CISA KEV)" : "EPSS scores");
                }
            }
            @SuppressWarnings("unchecked")
            List<VulnDb.ImportRecord> imports = (List<VulnDb.ImportRecord>) s.get("imports");
            for (VulnDb.ImportRecord r : imports) {
                out.printf("  imported %s (%s%s, %d kept%s) at %s%n", r.file(), r.source() == null ? ""
                        : r.source() + ", ", r.format(), r.kept(), r.newestRecord() == null ? ""
                        : ", newest record " + r.newestRecord(), r.at());
            }
            out.flush();
            return 0;
        }
    }
}
