package org.iotb.store.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.model.io.SafeOutput;

/**
 * OUT/overview.html: which weaknesses are most common across a catalogue of images, overall and per vendor or
 * product line. A group is the directory of each image as given (vendor-a/x.bin and vendor-a/y.bin group together),
 * or what a {@code --group-by} regular expression captures from the path (its first group, else the whole match).
 * Counts are of images: a requirement failing on 30 of 40 images is counted 30 times, once per image. One static
 * page, no script, every value escaped.
 */
public final class CorpusOverview {
    /** Rows shown per table. */
    static final int TOP = 25;

    /** One image as the overview sees it: its group, whether it was assessed, and if so what failed. */
    public record Row(String image, String group, boolean done, ImageOutcome outcome) {
    }

    private CorpusOverview() {
    }

    /** The group of an image path: {@code groupBy}'s first capture (or whole match), else the path's directory. */
    public static String group(String image, Pattern groupBy) {
        if (groupBy != null) {
            Matcher m = groupBy.matcher(image);
            if (!m.find()) {
                return "(no match)";
            }
            return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
        }
        String normalised = image.replace('\\', '/');
        int slash = normalised.lastIndexOf('/');
        return slash <= 0 ? (slash == 0 ? "/" : ".") : normalised.substring(0, slash);
    }

    public static Path write(Path outDir, List<Row> rows) throws IOException {
        SafeOutput.directory(outDir);
        return SafeOutput.writeString(outDir.resolve("overview.html"), html(rows));
    }

    static String html(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>iotb batch: corpus overview</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#1a1a1a}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eee}.bar{display:inline-block;height:.7em;background:#b3261e}")
                .append("h2{margin-top:2em;border-bottom:1px solid #ccc}</style></head><body>\n");
        long done = rows.stream().filter(Row::done).count();
        Map<String, List<Row>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r));
        b.append("<h1>Corpus overview</h1>\n<p>").append(rows.size()).append(" images in ").append(groups.size())
                .append(groups.size() == 1 ? " group" : " groups").append(": ").append(done).append(" assessed, ")
                .append(rows.size() - done).append(" could not be assessed. Counts are of assessed images.</p>\n");
        section(b, "Whole catalogue", rows, 2);
        b.append("<h2>By group</h2>\n<table><tr><th>group</th><th>images</th><th>assessed</th><th>with a failed mandatory requirement</th><th>most common failed requirement</th></tr>\n");
        for (var g : groups.entrySet()) {
            List<Row> assessed = g.getValue().stream().filter(Row::done).toList();
            var top = counts(assessed, o -> o.failedRequirements());
            b.append("<tr><td><a href=\"#g-").append(anchor(g.getKey())).append("\">").append(esc(g.getKey())).append("</a></td><td class=\"n\">")
                    .append(g.getValue().size()).append("</td><td class=\"n\">").append(assessed.size()).append("</td><td class=\"n\">")
                    .append(assessed.stream().filter(r -> r.outcome().failedMandatoryTotal() > 0).count()).append("</td><td>")
                    .append(top.isEmpty() ? "—" : esc(top.get(0).getKey()) + " (" + top.get(0).getValue() + ")").append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (var g : groups.entrySet()) {
            b.append("<section id=\"g-").append(anchor(g.getKey())).append("\">");
            section(b, "Group " + g.getKey(), g.getValue(), 3);
            b.append("</section>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<Row> rows, int level) {
        List<Row> assessed = rows.stream().filter(Row::done).toList();
        b.append("<h").append(level).append('>').append(esc(title)).append("</h").append(level).append(">\n");
        table(b, "Failed requirements (standard:requirement)", counts(assessed, ImageOutcome::failedRequirements), assessed.size());
        table(b, "Failing checks", counts(assessed, ImageOutcome::failingChecks), assessed.size());
        List<Row> failed = rows.stream().filter(r -> !r.done()).toList();
        if (!failed.isEmpty()) {
            b.append("<p>Not assessed: ");
            b.append(String.join(", ", failed.stream().map(r -> esc(r.image())).toList())).append("</p>\n");
        }
    }

    private static void table(StringBuilder b, String what, List<Map.Entry<String, Integer>> counts, int images) {
        if (counts.isEmpty()) {
            b.append("<p>").append(esc(what)).append(": none.</p>\n");
            return;
        }
        b.append("<table><tr><th>").append(esc(what)).append("</th><th>images</th><th>share</th></tr>\n");
        for (var e : counts.subList(0, Math.min(TOP, counts.size()))) {
            double share = images == 0 ? 0 : 100.0 * e.getValue() / images;
            b.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"n\">").append(e.getValue())
                    .append("</td><td><span class=\"bar\" style=\"width:").append(String.format(Locale.ROOT, "%.1f", share / 10))
                    .append("em\"></span> ").append(String.format(Locale.ROOT, "%.0f %%", share)).append("</td></tr>\n");
        }
        if (counts.size() > TOP) {
            b.append("<tr><td colspan=\"3\">… and ").append(counts.size() - TOP).append(" more</td></tr>\n");
        }
        b.append("</table>\n");
    }

    /** How many images list each value, most common first (ties by name). */
    static List<Map.Entry<String, Integer>> counts(List<Row> assessed, Function<ImageOutcome, List<String>> values) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Row r : assessed) {
            values.apply(r.outcome()).stream().distinct().forEach(v -> n.merge(v, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(n.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return sorted;
    }

    private static String anchor(String group) {
        return Integer.toHexString(group.hashCode());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
