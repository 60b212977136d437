package org.iotb.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.report.html.Sections;

/**
 * The self-contained HTML report: inline CSS and SVG, a few lines of inline script for the filters (the page reads
 * fully without it), no external URL. It is well-formed XHTML so the PDF renderer reads the same sections
 * ({@link #renderForPdf}: a cover page, bookmarks, running headers, the evidence in an annex, no script). The order
 * of the sections is {@link Sections#standard()}.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(Assessment a) {
        return page(a, false);
    }

    /** The page for the PDF: a cover, the same sections, the evidence in an annex (a PDF cannot be clicked). */
    public static String renderForPdf(Assessment a) {
        return page(a, true);
    }

    private static String page(Assessment a, boolean pdf) {
        List<Sections.Rendered> rendered = Sections.render(Sections.standard(), a, pdf);
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>").append(Xml.esc("iotb assessment: " + a.product().displayName())).append("</title>")
                .append("<style>\n").append(css()).append("</style>");
        if (pdf) {
            Sections.bookmarks(b, rendered);
        }
        b.append("</head>\n<body>\n");
        if (pdf) {
            // repeated at the top of every page but the cover (report.css, @page)
            b.append("<div class=\"running-head\">").append(Xml.esc("Security assessment: " + a.product().displayName()))
                    .append("</div>\n");
            Sections.cover(b, a);
        } else {
            b.append("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");
            Sections.toc(b, rendered);
            b.append("<main id=\"main\">\n");
            Sections.top(b, a);
        }
        for (Sections.Rendered r : rendered) {
            b.append(r.html());
        }
        Sections.footer(b, a);
        b.append(pdf ? "" : "</main>\n").append("</body></html>\n");
        return b.toString();
    }

    /** The report stylesheet, shared by the report and the diff page. */
    public static String css() {
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
