package org.iotb.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.iotb.report.ics.IcsWriter;

/**
 * Writes the chosen formats of one assessment into a directory. File names are fixed so CI can pick them up:
 * assessment.json, report.html, report.pdf, report.sarif, junit.xml, ics-STANDARD.csv and ics-STANDARD.html,
 * oscal-assessment-results.json.
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
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (String f : formats) {
            switch (f) {
                case "json" -> written.add(text(outDir.resolve("assessment.json"), a.toJson() + "\n"));
                case "html" -> written.add(text(outDir.resolve("report.html"), HtmlReport.render(a)));
                case "pdf" -> {
                    Path p = outDir.resolve("report.pdf");
                    try (OutputStream out = Files.newOutputStream(p)) {
                        PdfReport.write(a, out);
                    }
                    written.add(p);
                }
                case "sarif" -> written.add(text(outDir.resolve("report.sarif"), SarifReport.render(a) + "\n"));
                case "junit" -> written.add(text(outDir.resolve("junit.xml"), JUnitReport.render(a)));
                case "ics" -> written.addAll(ics(a, outDir));
                case "oscal" -> written.add(text(outDir.resolve("oscal-assessment-results.json"), OscalReport.render(a) + "\n"));
                default -> throw new IllegalArgumentException("unknown format " + f);
            }
        }
        return written;
    }

    /** The conformance statements the assessment computed, one CSV and one HTML file per standard. */
    private static List<Path> ics(Assessment a, Path outDir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (ConformanceStatement cs : a.conformance()) {
            out.add(text(outDir.resolve("ics-" + cs.standard() + ".csv"), IcsWriter.csv(cs)));
            out.add(text(outDir.resolve("ics-" + cs.standard() + ".html"), IcsWriter.html(a, cs)));
        }
        return out;
    }

    private static Path text(Path p, String content) throws IOException {
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
