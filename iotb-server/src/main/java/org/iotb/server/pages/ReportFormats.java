package org.iotb.server.pages;

import java.util.List;
import java.util.Optional;

/**
 * The report formats an assessment page offers for download, each with its file name ending and media type. The
 * format in a download URL is looked up here and nowhere else: anything not in this list is a 404, so no request
 * names a file.
 */
public final class ReportFormats {
    private ReportFormats() {
    }

    /** One downloadable format: {@code id} as `iotb report --format` spells it. */
    public record Format(String id, String label, String extension, String mediaType) {
        public String fileName(long assessmentId) {
            return "assessment-" + assessmentId + "-" + id + "." + extension;
        }
    }

    public static final List<Format> ALL = List.of(
            new Format("html", "HTML report", "html", "text/html; charset=utf-8"),
            new Format("pdf", "PDF report", "pdf", "application/pdf"),
            new Format("json", "Assessment JSON", "json", "application/json"),
            new Format("sarif", "SARIF 2.1.0", "sarif.json", "application/sarif+json"),
            new Format("junit", "JUnit XML", "xml", "application/xml"),
            new Format("oscal", "OSCAL assessment results", "oscal.json", "application/json"),
            new Format("ics-csv", "ICS (CSV)", "csv", "text/csv; charset=utf-8"),
            new Format("ics-md", "ICS (Markdown)", "md", "text/markdown; charset=utf-8"),
            new Format("ics-html", "ICS (HTML)", "ics.html", "text/html; charset=utf-8"),
            new Format("cyclonedx", "CycloneDX SBOM", "cdx.json", "application/vnd.cyclonedx+json"),
            new Format("spdx", "SPDX SBOM", "spdx.json", "application/spdx+json"));

    public static Optional<Format> find(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
