package org.iotb.store.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iotb.model.Json;
import org.iotb.model.io.SafeOutput;

/**
 * Writes a batch's summary: {@code summary.json} ({@code {"pipelineVersion", "images": [SummaryEntry…], "totals"}})
 * and {@code summary.csv} (the same columns, {@code failedMandatory} spread over one column per standard,
 * {@code failedMandatory.<standard id>}). Both through {@link SafeOutput}: a planted link is refused.
 */
public final class SummaryWriter {
    private SummaryWriter() {
    }

    public static List<Path> write(Path outDir, String pipelineVersion, List<SummaryEntry> entries) throws IOException {
        SafeOutput.directory(outDir);
        return List.of(SafeOutput.writeString(outDir.resolve("summary.json"), json(pipelineVersion, entries)),
                SafeOutput.writeString(outDir.resolve("summary.csv"), csv(entries)));
    }

    static String json(String pipelineVersion, List<SummaryEntry> entries) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("pipelineVersion", pipelineVersion);
        ArrayNode images = root.putArray("images");
        entries.forEach(e -> images.add(Json.mapper().valueToTree(e)));
        ObjectNode totals = root.putObject("totals");
        totals.put("images", entries.size());
        totals.put("done", entries.stream().filter(SummaryEntry::done).count());
        totals.put("failed", entries.stream().filter(e -> !e.done()).count());
        totals.put("reused", entries.stream().filter(SummaryEntry::reused).count());
        totals.put("withFailedMandatory", entries.stream().filter(e -> e.failedMandatoryTotal() > 0).count());
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Standards in the order they first appear (the catalog's order, as each assessment lists them). */
    static List<String> standards(List<SummaryEntry> entries) {
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(e -> ids.addAll(e.failedMandatory().keySet()));
        return new ArrayList<>(ids);
    }

    static String csv(List<SummaryEntry> entries) {
        List<String> standards = standards(entries);
        StringBuilder b = new StringBuilder("image,sha256,status");
        standards.forEach(s -> b.append(",failedMandatory.").append(s));
        b.append(",durationSeconds,reused,detail\n");
        for (SummaryEntry e : entries) {
            b.append(cell(e.image())).append(',').append(e.sha256()).append(',').append(e.status());
            for (String s : standards) {
                Integer n = e.failedMandatory().get(s);
                b.append(',').append(n == null ? "" : n.toString());
            }
            b.append(',').append(String.format(Locale.ROOT, "%.3f", e.durationSeconds())).append(',').append(e.reused())
                    .append(',').append(cell(e.detail())).append('\n');
        }
        return b.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
