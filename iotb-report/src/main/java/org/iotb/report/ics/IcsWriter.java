package org.iotb.report.ics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.iotb.assess.Applicable;
import org.iotb.assess.Assessment;
import org.iotb.assess.Product;
import org.iotb.assess.StandardLevel;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.conformance.ConformanceStatement;
import org.iotb.assess.conformance.StatementRow;

/**
 * Renders a conformance statement the assessment computed as CSV (header
 * {@code reference,status,applicable,support,detail}, RFC 4180 quoting, CRLF), Markdown or a self-contained HTML
 * page. Everything comes from the assessment: the rows, the standard's titles (its summary), the product and the
 * standard's product level.
 */
public final class IcsWriter {
    public static final String CSV_HEADER = "reference,status,applicable,support,detail";
    public static final List<String> FORMATS = List.of("csv", "md", "html");

    private IcsWriter() {
    }

    /** The statement of {@code standardId} in {@code format} (csv, md or markdown, html). */
    public static String render(Assessment a, String standardId, String format) {
        ConformanceStatement s = a.conformanceOf(standardId).orElseThrow(() -> new IllegalArgumentException(
                "the assessment has no conformance statement for " + standardId));
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> csv(s);
            case "md", "markdown" -> markdown(a, s);
            case "html" -> html(a, s);
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (csv, md, html)");
        };
    }

    public static String csv(ConformanceStatement s) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append("\r\n");
        for (StatementRow r : s.rows()) {
            b.append(csvField(r.reference())).append(',').append(csvField(r.status())).append(',')
                    .append(r.applicable().id()).append(',').append(csvField(r.support())).append(',')
                    .append(csvField(r.detail())).append("\r\n");
        }
        return b.toString();
    }

    static String csvField(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    public static String markdown(Assessment a, ConformanceStatement s) {
        StandardSummary std = standard(a, s);
        StringBuilder b = new StringBuilder();
        b.append("# Implementation conformance statement: ").append(std.title()).append("\n\n");
        header(a, s).forEach(line -> b.append("- ").append(line).append('\n'));
        b.append("\n| Reference | Status | Applicable | Support | Detail |\n|---|---|---|---|---|\n");
        String clause = null;
        for (StatementRow r : s.rows()) {
            if (r.clause() != null && !r.clause().equals(clause)) {
                clause = r.clause();
                b.append("| **").append(md(clause)).append(' ').append(md(nz(r.clauseTitle()))).append("** | | | | |\n");
            }
            b.append("| ").append(md(r.reference())).append(" | ").append(md(r.status())).append(" | ")
                    .append(r.applicable().id()).append(" | ").append(md(r.support())).append(" | ")
                    .append(md(r.detail())).append(" |\n");
        }
        return b.toString();
    }

    public static String html(Assessment a, ConformanceStatement s) {
        StandardSummary std = standard(a, s);
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>ICS ")
                .append(esc(std.shortTitle())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}")
                .append("th{background:#eee}tr.clause td{background:#f5f5f5;font-weight:bold}")
                .append("td.no{color:#777}td.undetermined{color:#a60}")
                .append("</style></head><body>\n<h1>Implementation conformance statement</h1>\n<p>")
                .append(esc(std.title())).append("</p>\n<ul>");
        header(a, s).forEach(line -> b.append("<li>").append(esc(line)).append("</li>"));
        b.append("</ul>\n<table><thead><tr><th>Reference</th><th>Status</th><th>Applicable</th><th>Support</th>")
                .append("<th>Detail</th></tr></thead><tbody>\n");
        String clause = null;
        for (StatementRow r : s.rows()) {
            if (r.clause() != null && !r.clause().equals(clause)) {
                clause = r.clause();
                b.append("<tr class=\"clause\"><td colspan=\"5\">").append(esc(clause)).append(' ')
                        .append(esc(nz(r.clauseTitle()))).append("</td></tr>\n");
            }
            b.append("<tr><td>").append(esc(r.reference())).append("</td><td>").append(esc(r.status()))
                    .append("</td><td class=\"").append(r.applicable().id()).append("\">").append(r.applicable().id())
                    .append("</td><td>").append(esc(r.support())).append("</td><td>").append(esc(r.detail()))
                    .append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static StandardSummary standard(Assessment a, ConformanceStatement s) {
        return a.summary().stream().filter(x -> x.standard().equals(s.standard())).findFirst()
                .orElse(new StandardSummary(s.standard(), s.standard(), s.standard(), null, s.rows().size(), null, null, null));
    }

    private static List<String> header(Assessment a, ConformanceStatement s) {
        List<String> lines = new ArrayList<>();
        Product p = a.product();
        if (Stream.of(p.name(), p.vendor(), p.model(), p.firmwareVersion()).anyMatch(Objects::nonNull)) {
            lines.add("Product: " + String.join(" ", Stream.of(p.vendor(), p.name(), p.model())
                    .filter(Objects::nonNull).toList())
                    + (p.firmwareVersion() == null ? "" : ", firmware " + p.firmwareVersion()));
        }
        StandardSummary std = standard(a, s);
        lines.add("Standard: " + std.standard() + " (" + std.shortTitle() + " " + std.version() + ")");
        StandardLevel level = a.levels().get(s.standard());
        if (level != null) {
            lines.add("Security level: " + level.reason());
        }
        lines.add("Requirements: " + s.rows().size() + " (applicable " + s.count(Applicable.YES)
                + ", not applicable " + s.count(Applicable.NO) + ", undetermined " + s.count(Applicable.UNDETERMINED) + ")");
        return lines;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    /** HTML escaping: the report's one XML/HTML escaper. */
    static String esc(String s) {
        return org.iotb.report.Xml.esc(s);
    }
}
