package org.iotb.cli.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.grid.CrosswalkGrid;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.TextTable;
import org.iotb.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `iotb catalog crosswalk`: every standard side by side ({@link CrosswalkGrid}): rows are the provisions of the
 * standard the mappings point at (EN 303 645), columns each other standard's requirements that map onto them
 * (crosswalk links and derived views' sources, read from the catalog data), then the requirements that map onto none.
 */
@Command(name = "crosswalk", mixinStandardHelpOptions = true,
        description = {"Show every standard side by side: one row per EN 303 645 provision with, per other standard, the",
            "requirements that map onto it (crosswalk links; derived views such as uk-psti take their verdicts from",
            "them), then the requirements that map onto none. In a cell, '(partial)'/'(related)' is the crosswalk",
            "relation, '?' marks a row its public source did not confirm, and '!' a status (shall/should) that differs.",
            "Example: iotb catalog crosswalk --standard uk-psti --standard sg-cls-level-1 --format csv"})
public final class CrosswalkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = {"-s", "--standard"}, paramLabel = "ID",
            description = "A standard whose column to show (repeatable; default: every standard).")
    List<String> standards = new ArrayList<>();
    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table, csv, json or md (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        Catalog c = Catalog.load();
        for (String s : standards) {
            if (c.standard(s).isEmpty()) {
                throw new UserInputException("unknown standard '" + s + "'; known: " + c.standards().stream().map(Standard::id).toList());
            }
        }
        CrosswalkGrid grid = CrosswalkGrid.of(c, standards);
        var out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.println(Json.mapper().writeValueAsString(json(grid)));
            case "csv" -> out.print(csv(grid));
            case "md" -> out.print(markdown(grid));
            case "table" -> out.print(table(grid));
            default -> throw new UserInputException("--format must be table, csv, json or md");
        }
        return 0;
    }

    /** The header: the hub's id, title and status, then one column per standard (its short title in table/md). */
    private static List<String> header(CrosswalkGrid g, boolean shortTitles) {
        List<String> h = new ArrayList<>(List.of(shortTitles ? g.hub().shortTitle() : g.hub().id(), "title", "status"));
        g.columns().forEach(s -> h.add(shortTitles ? s.shortTitle() + (s.derivedView() ? " (view)" : "") : s.id()));
        return h;
    }

    private static List<List<String>> cells(CrosswalkGrid g) {
        List<List<String>> rows = new ArrayList<>();
        for (CrosswalkGrid.Row r : g.rows()) {
            Requirement hub = r.hubRequirement();
            List<String> row = new ArrayList<>(List.of(hub == null ? "" : hub.id(), hub == null ? "(maps onto no "
                    + g.hub().shortTitle() + " provision)" : nz(hub.title()), hub == null ? "" : hub.status().id()));
            for (Standard s : g.columns()) {
                row.add(String.join(" ", r.cell(s.id()).stream()
                        .map(e -> e.label() + (hub != null && e.requirement().status() != hub.status() ? "!" : "")).toList()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String table(CrosswalkGrid g) {
        List<String> h = header(g, true);
        TextTable t = new TextTable(40, h.toArray(String[]::new));
        cells(g).forEach(r -> t.row(r.toArray(String[]::new)));
        return t.render() + legend(g);
    }

    private static String legend(CrosswalkGrid g) {
        StringBuilder b = new StringBuilder("\n");
        for (Standard s : g.columns()) {
            if (s.indicative() != null) {
                b.append(s.shortTitle()).append(": ").append(s.indicative()).append('\n');
            }
        }
        return b.toString();
    }

    private static String markdown(CrosswalkGrid g) {
        StringBuilder b = new StringBuilder();
        List<String> h = header(g, true);
        b.append("| ").append(String.join(" | ", h)).append(" |\n|");
        h.forEach(x -> b.append("---|"));
        b.append('\n');
        for (List<String> r : cells(g)) {
            b.append("| ").append(String.join(" | ", r.stream().map(x -> x.replace("|", "\\|")).toList())).append(" |\n");
        }
        return b + legend(g);
    }

    /** RFC 4180: the header row of standard ids, then one row per grid row; ids in a cell separated by blanks. */
    private static String csv(CrosswalkGrid g) {
        StringBuilder b = new StringBuilder();
        b.append(csvLine(header(g, false)));
        cells(g).forEach(r -> b.append(csvLine(r)));
        return b.toString();
    }

    private static String csvLine(List<String> cells) {
        List<String> q = new ArrayList<>();
        for (String c : cells) {
            q.add(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", q) + "\r\n";
    }

    private static Map<String, Object> json(CrosswalkGrid g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hub", g.hub().id());
        m.put("standards", g.columns().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", s.id());
            x.put("shortTitle", s.shortTitle());
            x.put("derivedView", s.derivedView());
            x.put("assessedByDefault", s.assessedByDefault());
            x.put("indicative", s.indicative());
            return x;
        }).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CrosswalkGrid.Row r : g.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            Requirement hub = r.hubRequirement();
            row.put("id", hub == null ? null : hub.id());
            row.put("title", hub == null ? null : hub.title());
            row.put("status", hub == null ? null : hub.status());
            Map<String, Object> cols = new LinkedHashMap<>();
            for (Standard s : g.columns()) {
                if (r.cell(s.id()).isEmpty()) {
                    continue;
                }
                cols.put(s.id(), r.cell(s.id()).stream().map(e -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("id", e.requirement().id());
                    x.put("relation", e.relation());
                    x.put("status", e.requirement().status());
                    x.put("statusDiffers", hub != null && e.requirement().status() != hub.status());
                    x.put("unverified", e.unverified());
                    return x;
                }).toList());
            }
            row.put("mappings", cols);
            rows.add(row);
        }
        m.put("rows", rows);
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
