package org.iotb.catalog.conformance;

import java.util.Locale;

/**
 * Renders a conformance statement as CSV (header {@code reference,status,applicable,support,detail}, RFC 4180
 * quoting), Markdown or a self-contained HTML page.
 */
public final class StatementWriter {
    public static final String CSV_HEADER = "reference,status,applicable,support,detail";

    private StatementWriter() {
    }

    public static String render(ConformanceStatement s, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> csv(s);
            case "md", "markdown" -> markdown(s);
            case "html" -> html(s);
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

    public static String markdown(ConformanceStatement s) {
        StringBuilder b = new StringBuilder();
        b.append("# Implementation conformance statement: ").append(s.standard().title()).append("\n\n");
        header(s).forEach(line -> b.append("- ").append(line).append('\n'));
        b.append("\n| Reference | Status | Applicable | Support | Detail |\n|---|---|---|---|---|\n");
        String clause = null;
        for (StatementRow r : s.rows()) {
            if (r.requirement().clause() != null && !r.requirement().clause().equals(clause)) {
                clause = r.requirement().clause();
                b.append("| **").append(md(clause)).append(' ').append(md(nz(r.requirement().clauseTitle())))
                        .append("** | | | | |\n");
            }
            b.append("| ").append(md(r.reference())).append(" | ").append(md(r.status())).append(" | ")
                    .append(r.applicable().id()).append(" | ").append(md(r.support())).append(" | ")
                    .append(md(r.detail())).append(" |\n");
        }
        return b.toString();
    }

    public static String html(ConformanceStatement s) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>ICS ")
                .append(esc(s.standard().shortTitle())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}")
                .append("th{background:#eee}tr.clause td{background:#f5f5f5;font-weight:bold}")
                .append("td.no{color:#777}td.undetermined{color:#a60}")
                .append("</style></head><body>\n<h1>Implementation conformance statement</h1>\n<p>")
                .append(esc(s.standard().title())).append("</p>\n<ul>");
        header(s).forEach(line -> b.append("<li>").append(esc(line)).append("</li>"));
        b.append("</ul>\n<table><thead><tr><th>Reference</th><th>Status</th><th>Applicable</th><th>Support</th>")
                .append("<th>Detail</th></tr></thead><tbody>\n");
        String clause = null;
        for (StatementRow r : s.rows()) {
            if (r.requirement().clause() != null && !r.requirement().clause().equals(clause)) {
                clause = r.requirement().clause();
                b.append("<tr class=\"clause\"><td colspan=\"5\">").append(esc(clause)).append(' ')
                        .append(esc(nz(r.requirement().clauseTitle()))).append("</td></tr>\n");
            }
            b.append("<tr><td>").append(esc(r.reference())).append("</td><td>").append(esc(r.status()))
                    .append("</td><td class=\"").append(r.applicable().id()).append("\">").append(r.applicable().id())
                    .append("</td><td>").append(esc(r.support())).append("</td><td>").append(esc(r.detail()))
                    .append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static java.util.List<String> header(ConformanceStatement s) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        var p = s.profile().product();
        if (p != null) {
            lines.add("Product: " + String.join(" ", java.util.stream.Stream.of(p.manufacturer(), p.name(), p.model())
                    .filter(java.util.Objects::nonNull).toList())
                    + (p.firmwareVersion() == null ? "" : ", firmware " + p.firmwareVersion()));
        }
        lines.add("Standard: " + s.standard().id() + " (" + s.standard().shortTitle() + " " + s.standard().version() + ")");
        if (s.level() != null) {
            lines.add("Security level: " + s.level().reason());
        }
        lines.add("Requirements: " + s.rows().size() + " (applicable " + s.count(org.iotb.catalog.applicability.Applies.YES)
                + ", not applicable " + s.count(org.iotb.catalog.applicability.Applies.NO) + ", undetermined "
                + s.count(org.iotb.catalog.applicability.Applies.UNDETERMINED) + ")");
        return lines;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
