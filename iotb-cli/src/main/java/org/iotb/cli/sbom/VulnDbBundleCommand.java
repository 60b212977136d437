package org.iotb.cli.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.bundle.BundleManifest;
import org.iotb.sbom.vuln.bundle.VulnDbBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code iotb vulndb bundle -o FILE.tar.gz}: the store's data files and a manifest in one archive, for
 * {@code iotb vulndb import --verify} on a machine without network.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Write the store's data and a manifest (sources, record counts, newest record dates, sha256 of"
            + " every file) to one .tar.gz for 'iotb vulndb import --verify' elsewhere.")
final class VulnDbBundleCommand implements Callable<Integer> {
    @ParentCommand
    VulnDbCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.tar.gz", description = "The bundle.")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BundleManifest m = VulnDbBundle.write(VulnDb.open(parent.store()), output);
        out.printf("%s: %d files from %s%n", output, m.files().size(), parent.store());
        print(out, m);
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, BundleManifest m) {
        for (BundleManifest.Source s : m.sources()) {
            out.printf("  %-8s %d records kept, newest record %s (%s)%n", s.name(), s.kept(),
                    s.newestRecord() == null ? "not dated" : s.newestRecord(), s.from());
        }
        out.printf("  created %s by %s%n", m.created(), m.tool());
    }

    /** {@code import --verify}: exit 2 when any bundle does not match its manifest, 1 on other errors. */
    static int importBundles(List<Path> files, Path store, PrintWriter out, PrintWriter err) {
        int rc = 0;
        for (Path f : files) {
            try {
                BundleManifest m = VulnDbBundle.verifyAndInstall(f, store);
                out.printf("%s: verified (%d files, sha256 as in the manifest), loaded into %s%n", f,
                        m.files().size(), store);
                print(out, m);
            } catch (VulnDbBundle.BundleException e) {
                err.printf("%s: REFUSED: %s%n", f, e.getMessage());
                rc = 2;
            } catch (IOException | RuntimeException e) {
                err.printf("%s: cannot import: %s%n", f, e.getMessage());
                rc = Math.max(rc, 1);
            }
        }
        out.flush();
        err.flush();
        return rc;
    }

    /** A gzip file whose tar content begins with a manifest.json: what {@code bundle} writes. */
    static boolean looksLikeBundle(Path f) {
        String n = f.getFileName() == null ? "" : f.getFileName().toString();
        if (!(n.endsWith(".tar.gz") || n.endsWith(".tgz")) || !Files.isRegularFile(f)) {
            return false;
        }
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(f));
                var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in)) {
            var first = tar.getNextEntry();
            return first != null && first.getName().equals(VulnDbBundle.MANIFEST);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
