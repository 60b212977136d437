package org.iotb.store.workspace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report formats {@link Workspace#report} renders from a stored assessment: the file name a download should
 * carry and its media type. The ICS formats hold one file per standard and come as a zip.
 */
public final class ReportFormats {
    /** A downloadable report: its file name and media type. */
    public record Format(String id, String fileName, String contentType) {
    }

    private static final Map<String, Format> FORMATS = new LinkedHashMap<>();

    static {
        add("html", "report.html", "text/html; charset=utf-8");
        add("pdf", "report.pdf", "application/pdf");
        add("json", "assessment.json", "application/json");
        add("sarif", "report.sarif", "application/sarif+json");
        add("junit", "junit.xml", "application/xml");
        add("oscal", "oscal-assessment-results.json", "application/json");
        add("ics-csv", "ics-csv.zip", "application/zip");
        add("ics-html", "ics-html.zip", "application/zip");
    }

    private ReportFormats() {
    }

    private static void add(String id, String fileName, String type) {
        FORMATS.put(id, new Format(id, fileName, type));
    }

    /** Every format, in the order a page lists them. */
    public static Map<String, Format> all() {
        return java.util.Collections.unmodifiableMap(FORMATS);
    }

    /** The format, or {@link InvalidInputException} naming the known ones. */
    public static Format of(String id) {
        Format f = id == null ? null : FORMATS.get(id);
        if (f == null) {
            throw new InvalidInputException("unknown report format '" + id + "'; known: " + String.join(", ", FORMATS.keySet()));
        }
        return f;
    }
}
