package org.iotb.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iotb.assess.Assessment;
import org.iotb.assess.conformance.ConformanceStatement;
import org.iotb.catalog.Catalog;
import org.iotb.model.io.SafeOutput;
import org.iotb.report.ics.IcsWriter;

/**
 * Writes the chosen formats of one assessment into a directory. File names are fixed so CI can pick them up:
 * assessment.json, report.html, report.pdf, report.sarif, junit.xml, ics-STANDARD.csv and ics-STANDARD.html,
 * oscal-assessment-results.json. Every file goes through {@link SafeOutput}: a symbolic link planted at one of
 * these names, or an output directory that is a link, is refused ({@link org.iotb.model.io.PathRefusedException}).
 */
public final class ReportWriter {
    public static final List<String> FORMATS = List.of("html", "pdf", "json", "sarif", "junit", "ics", "oscal");

    private ReportWriter() {
    }

    /** "html,pdf" → [html, pdf]; "all" → every format; an unknown name is an error that lists the known ones. */
    public static List<String> parseFormats(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String f = part.trim().toLowerCase(Locale.ROOT);
            if (f.isEmpty()) {
                continue;
            }
            if (f.equals("all")) {
                out.addAll(FORMATS);
            } else if (FORMATS.contains(f)) {
                out.add(f);
            } else {
                throw new IllegalArgumentException("unknown format '" + part.trim() + "'; known: " + String.join(", ", FORMATS) + ", all");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no format given; known: " + String.join(", ", FORMATS));
        }
        return new ArrayList<>(out);
    }

    /**
     * Writes each format and returns the files written, in order. Since schema 2.0 every format renders from the
     * assessment alone; {@code catalog} is not used (kept for the callers of the 1.x signature).
     */
    public static List<Path> write(Assessment a, Catalog catalog, Path outDir, Collection<String> formats) throws IOException {
        return write(a, outDir, formats);
    }

    /** Writes each format and returns the files written, in order. */
    public static List<Path> write(Assessment a, Path outDir, Collection<String> formats) throws IOException {
        SafeOutput.directory(outDir);
        List<Planned> plan = plan(a, outDir, formats);
        for (Planned p : plan) {
            SafeOutput.checkWritable(p.file()); // a planted link at any name stops the run before a file is written
        }
        List<Path> written = new ArrayList<>();
        for (Planned p : plan) {
            written.add(SafeOutput.write(p.file(), p.content()));
        }
        return written;
    }

    /** One file to write and what renders it (rendering happens when it is written). */
    private record Planned(Path file, SafeOutput.Content content) {
    }

    /** The files of these formats, in order: the one list of report file names. */
    private static List<Planned> plan(Assessment a, Path outDir, Collection<String> formats) {
        List<Planned> out = new ArrayList<>();
        for (String f : formats) {
            switch (f) {
                case "json" -> out.add(text(outDir.resolve("assessment.json"), () -> a.toJson() + "\n"));
                case "html" -> out.add(text(outDir.resolve("report.html"), () -> HtmlReport.render(a)));
                case "pdf" -> out.add(new Planned(outDir.resolve("report.pdf"), stream -> PdfReport.write(a, stream)));
                case "sarif" -> out.add(text(outDir.resolve("report.sarif"), () -> SarifReport.render(a) + "\n"));
                case "junit" -> out.add(text(outDir.resolve("junit.xml"), () -> JUnitReport.render(a)));
                case "ics" -> {
                    // the conformance statements the assessment computed, one CSV and one HTML file per standard
                    for (ConformanceStatement cs : a.conformance()) {
                        out.add(text(outDir.resolve("ics-" + cs.standard() + ".csv"), () -> IcsWriter.csv(cs)));
                        out.add(text(outDir.resolve("ics-" + cs.standard() + ".html"), () -> IcsWriter.html(a, cs)));
                    }
                }
                case "oscal" -> out.add(text(outDir.resolve("oscal-assessment-results.json"), () -> OscalReport.render(a) + "\n"));
                default -> throw new IllegalArgumentException("unknown format " + f);
            }
        }
        return out;
    }

    private static Planned text(Path file, java.util.function.Supplier<String> render) {
        return new Planned(file, stream -> stream.write(render.get().getBytes(StandardCharsets.UTF_8)));
    }
}
