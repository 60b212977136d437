package org.iotb.dev;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.output.CycloneDxWriter;
import org.iotb.sbom.output.SbomFormat;
import org.iotb.sbom.vuln.VulnDb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The SBOM of an already unpacked tree, a developer's tool ({@code java -cp "$(scripts/dev-classpath.sh)"
 * org.iotb.dev.SbomTreeCommand DIR}); users run {@code iotb sbom DIR}, which takes a directory too. With
 * {@code --findings}, prints the sbom.* findings as JSON instead.
 */
@Command(name = "sbom-tree", mixinStandardHelpOptions = true,
        description = "Build the SBOM of an unpacked firmware tree (directory).")
public final class SbomTreeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Root of the unpacked tree.")
    Path dir;

    @Option(names = "--format", defaultValue = "table", description = "cyclonedx, spdx, table or json (default table).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--name", description = "Subject name (default: the directory name).")
    String name;

    @Option(names = "--sha256", description = "SHA-256 of the image the tree came from.")
    String sha256;

    @Option(names = "--findings", description = "Print the sbom.* findings (JSON) instead of the SBOM.")
    boolean findings;

    @Option(names = "--db", paramLabel = "DIR", description = "Vulnerability store for --findings and --vulns.")
    Path db;

    @Option(names = "--vulns", description = "CycloneDX only: add the components' known vulnerabilities.")
    boolean vulns;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new SbomTreeCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        org.iotb.firmware.tree.FileTree tree = org.iotb.firmware.tree.FileTree.index(dir);
        Sbom sbom = new SbomBuilder().build(tree, SbomOptions.of(name, sha256));
        String text;
        if (findings) {
            VulnDb vdb = AssessmentPipeline.openVulnDb(db);
            List<Finding> list = new SbomChecks(vdb).withCodeEvidence(tree).run(sbom);
            text = Json.mapper().writeValueAsString(list);
        } else if (vulns && SbomFormat.parse(format) == SbomFormat.CYCLONEDX) {
            text = new CycloneDxWriter().toJson(sbom, AssessmentPipeline.openVulnDb(db));
        } else {
            text = SbomFormat.parse(format).render(sbom);
        }
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } else {
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
        }
        for (String w : sbom.warnings().stream().limit(20).toList()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        out.flush();
        return 0;
    }
}
