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
 * Renders a conformance statement the assessment computed as CSV (header {@link #CSV_HEADER}, RFC 4180 quoting,
 * CRLF, one row per requirement), Markdown or a self-contained HTML page. Markdown and HTML follow the standard's
 * table (EN 303 645 Annex B Table B.1): the notation, a heading row per clause, the columns Reference, Status,
 * Support and Detail (plus iotb's verdict, set apart), then the conditions legend. Everything comes from the
 * assessment: the rows and layout, the standard's titles (its summary), the product and its product level.
 */
public final class IcsWriter {
    /**
     * The CSV columns: a contract (docs/profile-and-declarations.md). The first five are the original ones; later
     * columns are only ever added at the end.
     */
    public static final String CSV_HEADER = "reference,status,applicable,support,detail,clause,ics_reference,verdict,basis,"
            + "carried_from,conflict";
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
                    .append(csvField(r.detail())).append(',').append(csvField(r.heading())).append(',')
                    .append(csvField(r.tableReference())).append(',')
                    .append(r.verdict() == null ? "" : r.verdict().id()).append(',')
                    .append(r.basis() == null ? "" : r.basis().id()).append(',')
                    .append(csvField(r.carriedFrom())).append(',').append(r.conflict() ? "yes" : "").append("\r\n");
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
        b.append('\n');
        if (s.note() != null) {
            b.append("> ").append(md(s.note())).append("\n\n");
        }
        s.notation().forEach(n -> b.append(md(n)).append("\n\n"));
        if (s.table() != null) {
            b.append("**").append(md(s.table())).append("**\n\n");
        }
        b.append('|');
        s.columns().forEach(c -> b.append(' ').append(md(c)).append(" |"));
        b.append(" Verdict (iotb) |\n|").append("---|".repeat(s.columns().size() + 1)).append('\n');
        if (s.headingColumn() != null) {
            b.append("| **").append(md(s.headingColumn())).append("** |").append(" |".repeat(s.columns().size())).append('\n');
        }
        String clause = null;
        for (StatementRow r : s.rows()) {
            if (r.clause() != null && !r.clause().equals(clause)) {
                clause = r.clause();
                b.append("| **").append(md(r.heading())).append("** |").append(" |".repeat(s.columns().size())).append('\n');
            }
            b.append("| ").append(md(r.tableReference())).append(" | ").append(md(r.status())).append(" | ")
                    .append(md(r.support())).append(" | ").append(md(r.detail())).append(" | ").append(md(verdict(r)))
                    .append(" |\n");
        }
        if (!s.conditions().isEmpty()) {
            b.append("\n**").append(md(s.conditionsTitle() == null ? "Conditions" : s.conditionsTitle())).append("**\n\n");
            s.conditions().forEach(c -> b.append("- ").append(md(c)).append('\n'));
        }
        return b.toString();
    }

    public static String html(Assessment a, ConformanceStatement s) {
        StandardSummary std = standard(a, s);
        int span = s.columns().size() + 1;
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>ICS ")
                .append(esc(std.shortTitle())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}")
                .append("th{background:#eee}tr.clause td{background:#f5f5f5;font-weight:bold}")
                .append("td.no{color:#777}td.undetermined{color:#a60}tr.conflict td{background:#fde8e8}")
                .append("th.iotb,td.iotb{border-left:3px solid #888;color:#444}")
                .append("</style></head><body>\n<h1>Implementation conformance statement</h1>\n<p>")
                .append(esc(std.title())).append("</p>\n<ul>");
        header(a, s).forEach(line -> b.append("<li>").append(esc(line)).append("</li>"));
        b.append("</ul>\n");
        if (s.note() != null) {
            b.append("<p class=\"note\">").append(esc(s.note())).append("</p>\n");
        }
        s.notation().forEach(n -> b.append("<p>").append(esc(n)).append("</p>\n"));
        b.append("<table>");
        if (s.table() != null) {
            b.append("<caption>").append(esc(s.table())).append("</caption>");
        }
        b.append("<thead>");
        if (s.headingColumn() != null) {
            b.append("<tr><th colspan=\"").append(span - 1).append("\">").append(esc(s.headingColumn()))
                    .append("</th><th class=\"iotb\"></th></tr>");
        }
        b.append("<tr>");
        s.columns().forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("<th class=\"iotb\">Verdict (iotb)</th></tr></thead><tbody>\n");
        String clause = null;
        for (StatementRow r : s.rows()) {
            if (r.clause() != null && !r.clause().equals(clause)) {
                clause = r.clause();
                b.append("<tr class=\"clause\"><td colspan=\"").append(span).append("\">").append(esc(r.heading()))
                        .append("</td></tr>\n");
            }
            b.append("<tr").append(r.conflict() ? " class=\"conflict\"" : "").append("><td>").append(esc(r.tableReference()))
                    .append("</td><td>").append(esc(r.status())).append("</td><td class=\"").append(r.applicable().id())
                    .append("\">").append(esc(r.support())).append("</td><td>").append(esc(r.detail()))
                    .append("</td><td class=\"iotb\">").append(esc(verdict(r))).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (!s.conditions().isEmpty()) {
            b.append("<h2>").append(esc(s.conditionsTitle() == null ? "Conditions" : s.conditionsTitle())).append("</h2>\n<ol class=\"conditions\" style=\"list-style:none\">");
            s.conditions().forEach(c -> b.append("<li>").append(esc(c)).append("</li>"));
            b.append("</ol>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /** iotb's verdict beside the manufacturer's statement: "fail (declared)", "pass (verified)". */
    private static String verdict(StatementRow r) {
        if (r.verdict() == null) {
            return "";
        }
        return r.verdict().id() + (r.basis() == null || r.basis() == org.iotb.assess.Basis.NONE ? "" : " (" + r.basis().id() + ")")
                + (r.conflict() ? ", conflict" : "");
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
