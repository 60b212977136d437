package org.iotb.server.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The report formats a download may name (those of {@code Workspace.report}), each with its media type and file
 * suffix. The download's file name is built from the assessment id and this table only: nothing a client sends ends
 * up in a header or a path.
 */
public enum ReportFormat {
    HTML("html", "text/html; charset=utf-8", ".html"),
    PDF("pdf", "application/pdf", ".pdf"),
    JSON("json", "application/json", ".json"),
    SARIF("sarif", "application/sarif+json", ".sarif"),
    JUNIT("junit", "application/xml", "-junit.xml"),
    OSCAL("oscal", "application/json", "-oscal-assessment-results.json"),
    ICS_CSV("ics-csv", "text/csv; charset=utf-8", "-ics.csv"),
    ICS_MD("ics-md", "text/markdown; charset=utf-8", "-ics.md"),
    ICS_HTML("ics-html", "text/html; charset=utf-8", "-ics.html"),
    CYCLONEDX("cyclonedx", "application/vnd.cyclonedx+json", ".cdx.json"),
    SPDX("spdx", "application/spdx+json", ".spdx.json");

    private final String id;
    private final String mediaType;
    private final String suffix;

    ReportFormat(String id, String mediaType, String suffix) {
        this.id = id;
        this.mediaType = mediaType;
        this.suffix = suffix;
    }

    public String id() {
        return id;
    }

    public String mediaType() {
        return mediaType;
    }

    /** "iotb-assessment-42.sarif": from the numeric id and the table, never from the request. */
    public String fileName(long assessmentId) {
        return "iotb-assessment-" + assessmentId + suffix;
    }

    public static Optional<ReportFormat> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ReportFormat::id).toList();
    }
}
