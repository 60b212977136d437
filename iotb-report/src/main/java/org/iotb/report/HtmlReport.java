package org.iotb.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.iotb.assess.Assessment;
import org.iotb.report.html.Sections;

/**
 * The self-contained HTML report: inline CSS and SVG, no script, no external URL. It is well-formed XHTML so the
 * PDF renderer reads the same page ({@link #renderForPdf} only opens the collapsed details).
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(Assessment a) {
        return page(a, false);
    }

    /** The same page with every details block open (a PDF cannot be clicked). */
    public static String renderForPdf(Assessment a) {
        return page(a, true);
    }

    private static String page(Assessment a, boolean expanded) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>").append(Xml.esc("iotb assessment: " + a.product().displayName())).append("</title>")
                .append("<style>\n").append(css()).append("</style></head>\n<body>\n");
        Sections.all(b, a, expanded);
        b.append("</body></html>\n");
        return b.toString();
    }

    static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("missing report.css");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
