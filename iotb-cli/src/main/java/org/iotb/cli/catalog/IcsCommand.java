package org.iotb.cli.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessmentInput;
import org.iotb.assess.Assessor;
import org.iotb.assess.conformance.ConformanceStatement;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.Output;
import org.iotb.report.ics.IcsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `iotb ics`: the Implementation Conformance Statement (EN 303 645 Annex B Table B.1 and its twins). */
@Command(name = "ics", mixinStandardHelpOptions = true,
        header = "Render a conformance statement (EN 303 645 Table B.1 and its twins) as CSV, Markdown or HTML.",
        description = {"Render the conformance statement of a product for a standard in the shape of EN 303 645",
            "Annex B Table B.1: clause headings, references and statuses as the table writes them, support Y/N/N/A",
            "and detail, then the conditions legend (md, html). CSV: one row per requirement (columns:",
            "docs/profile-and-declarations.md). Answers carry to equivalent requirements of the other standards.",
            "Example: iotb ics --profile product.yaml --declarations decl.yaml --standard etsi-en-303-645 --format md"})
public final class IcsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = {"-p", "--profile"}, required = true, description = "The product profile (YAML).")
    Path profile;
    @Option(names = {"-d", "--declarations"}, description = "The manufacturer's declarations (YAML).")
    Path declarations;
    @Option(names = {"-s", "--standard"},
            description = "Standard id, or 'all' with -o DIR (default: the catalog's first standard, etsi-en-303-645).")
    String standard;
    @Option(names = {"-f", "--format"}, defaultValue = "csv", description = "csv, md or html (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = {"-o", "--output"}, description = "File to write (a directory with --standard all).")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!IcsWriter.FORMATS.contains(format)) {
            throw new UserInputException("--format must be csv, md or html");
        }
        Catalog catalog = Catalog.load();
        Profile p = ProfileLoader.load(profile, catalog);
        p.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        Declarations d = declarations == null ? Declarations.NONE : DeclarationsLoader.load(declarations, catalog);
        // The statements are computed by the assessment (of the profile and declarations alone), exactly as
        // `iotb assess` computes them, and rendered by the report module.
        Assessment a = new Assessor().assess(AssessmentInput.of(catalog, p, d, List.of(), List.of()));
        if ("all".equals(standard)) {
            if (output == null) {
                throw new UserInputException("--standard all writes one file per standard: give -o DIR");
            }
            org.iotb.model.io.SafeOutput.directory(output);
            for (ConformanceStatement cs : a.conformance()) {
                Path file = output.resolve("ics-" + cs.standard() + "." + format);
                Output.write(IcsWriter.render(a, cs.standard(), format), file, null);
                spec.commandLine().getErr().println("wrote " + file);
            }
            return 0;
        }
        String id = standard == null ? catalog.standards().get(0).id() : catalog.requireStandard(standard).id();
        Output.write(IcsWriter.render(a, id, format), output, spec.commandLine().getOut());
        return 0;
    }
}
