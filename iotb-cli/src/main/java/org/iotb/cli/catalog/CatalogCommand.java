package org.iotb.cli.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Crosswalk;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.cli.UserInputException;
import org.iotb.cli.common.TextTable;
import org.iotb.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `iotb catalog`: browse the requirements of the bundled standards and the crosswalk between them. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Browse the standards iotb knows: their requirements, statuses, conditions and levels.",
            "Standards assessed by default: etsi-en-303-645, mtsfb-tc-g044, xiaomi-iot-baseline; derived views",
            "(uk-psti, au-smart-devices, sg-cls-level-1, sg-cls-level-2) on request: 'iotb catalog standards'."},
        subcommands = {CatalogCommand.ListCmd.class, CatalogCommand.Show.class, CrosswalkCommand.class,
            CatalogCommand.Standards.class})
public final class CatalogCommand extends org.iotb.cli.common.ParentCommand {

    static List<Standard> selected(String standardId) {
        Catalog c = Catalog.load();
        return standardId == null ? c.standards() : List.of(c.requireStandard(standardId));
    }

    static Map<String, Object> json(Requirement r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("standard", r.standard());
        m.put("id", r.id());
        m.put("clause", r.clause());
        m.put("clauseTitle", r.clauseTitle());
        m.put("title", r.title());
        m.put("summary", r.summary());
        m.put("status", r.status());
        m.put("conditions", r.conditions());
        m.put("levels", r.levels());
        m.put("appliesIfAny", r.appliesIfAny());
        m.put("checks", checks(r));
        m.put("automated", r.automated());
        return m;
    }

    /** The mapped checks as {id, why}: the check and, in the catalog's words, why it bears on the requirement. */
    private static List<Map<String, String>> checks(Requirement r) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String check : r.checks()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", check);
            m.put("why", r.rationale(check));
            out.add(m);
        }
        return out;
    }

    @Command(name = "standards", mixinStandardHelpOptions = true,
            description = "List the standards, their sizes, whether 'iotb assess' assesses them by default, and which are derived views.")
    static final class Standards implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            TextTable t = new TextTable(40, "ID", "VERSION", "REQUIREMENTS", "DEFAULT", "KIND", "TITLE");
            for (Standard s : Catalog.load().standards()) {
                // DEFAULT: assessed when --standard names none; others only by name (or --standard all)
                t.row(s.id(), s.version(), String.valueOf(s.requirements().size()), s.assessedByDefault() ? "yes" : "no",
                        s.derivedView() ? "derived view of " + String.join(", ", s.sourceStandards()) : "baseline", s.title());
            }
            spec.commandLine().getOut().print(t.render());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List requirements with status, conditions (EN 303 645 Table B.1) and levels (Xiaomi).",
                "Example: iotb catalog list --standard etsi-en-303-645 --format json"})
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = {"-s", "--standard"}, description = "Standard id (default: all three).")
        String standard;
        @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() throws Exception {
            List<Requirement> reqs = new ArrayList<>();
            selected(standard).forEach(s -> reqs.addAll(s.requirements()));
            if ("json".equals(format)) {
                spec.commandLine().getOut().println(Json.mapper().writeValueAsString(reqs.stream().map(CatalogCommand::json).toList()));
            } else if ("table".equals(format)) {
                TextTable t = new TextTable(60, "STANDARD", "ID", "STATUS", "CONDITIONS", "LEVELS", "TITLE");
                for (Requirement r : reqs) {
                    t.row(r.standard(), r.id(), r.status().id(), join(r.conditions(), r.appliesIfAny()),
                            String.join("/", r.levels()), r.title());
                }
                spec.commandLine().getOut().print(t.render());
            } else {
                throw new UserInputException("--format must be table or json");
            }
            return 0;
        }

        private static String join(List<Integer> conditions, List<String> tokens) {
            List<String> parts = new ArrayList<>();
            conditions.forEach(c -> parts.add(String.valueOf(c)));
            parts.addAll(tokens);
            return String.join(",", parts);
        }
    }

    /**
     * What a bare id means in each standard when it means something in more than one: a requirement of one
     * standard and a clause (or other requirement) of another, e.g. "5.1" is a Xiaomi item and the EN 303 645 clause
     * of provisions 5.1-1 to 5.1-5. Empty when the id is qualified ("standard:id") or means one thing only.
     */
    static List<String> ambiguity(Catalog c, String id, List<Requirement> found) {
        if (id.indexOf(':') > 0) {
            return List.of();
        }
        List<String> meanings = new java.util.ArrayList<>();
        java.util.Set<String> standards = new java.util.LinkedHashSet<>();
        for (Requirement r : found) {
            meanings.add("iotb catalog show " + r.standard() + ":" + r.id() + "    (" + r.title() + ")");
            standards.add(r.standard());
        }
        for (org.iotb.catalog.Standard s : c.standards()) {
            if (standards.contains(s.id()) || s.derivedView()) {
                continue;
            }
            List<Requirement> inClause = s.requirements().stream().filter(r -> id.equals(r.clause())).toList();
            if (!inClause.isEmpty()) {
                meanings.add("iotb catalog list --standard " + s.id() + "    (clause " + id + " " + nz(inClause.get(0).clauseTitle())
                        + ": " + inClause.stream().map(Requirement::id).collect(java.util.stream.Collectors.joining(", ")) + ")");
                standards.add(s.id());
            }
        }
        return standards.size() > 1 ? meanings : List.of();
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show one requirement in full, with its crosswalk links.",
                "ID is 'standard:id' (etsi-en-303-645:5.1-1) or a bare id (5.1-1, 6.1(a), 1.1.1)."})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json.")
        String format;

        @Override
        public Integer call() throws Exception {
            Catalog c = Catalog.load();
            List<Requirement> found = c.find(id);
            if (id.indexOf(':') < 0 && found.stream().anyMatch(r -> !r.derived())) {
                // a derived view may reuse its source's ids (SG CLS rows are EN 303 645 provisions): a bare id means
                // the requirement itself; the view's row is reached as "sg-cls-level-1:5.1-1"
                found = found.stream().filter(r -> !r.derived()).toList();
            }
            if (found.isEmpty()) {
                throw new UserInputException("no requirement '" + id + "'; try 'iotb catalog list'");
            }
            List<String> meanings = ambiguity(c, id, found);
            if (!meanings.isEmpty()) {
                // a bare id that names things in more than one standard: ask rather than guess
                var err = spec.commandLine().getErr();
                err.println("iotb catalog show: '" + id + "' is ambiguous; say which standard:");
                meanings.forEach(m -> err.println("  " + m));
                return 2;
            }
            var out = spec.commandLine().getOut();
            if ("json".equals(format)) {
                out.println(Json.mapper().writeValueAsString(found.stream().map(CatalogCommand::json).toList()));
                return 0;
            }
            for (Requirement r : found) {
                out.println(r.standard() + " " + r.id() + " — " + r.title());
                out.println("  clause:      " + r.clause() + " " + nz(r.clauseTitle()));
                out.println("  status:      " + r.status().id()
                        + (r.conditions().isEmpty() ? "" : ", conditions " + r.conditions() + " " + conditionTexts(c, r)));
                if (!r.levels().isEmpty()) {
                    out.println("  levels:      " + r.levels());
                }
                if (!r.appliesIfAny().isEmpty()) {
                    out.println("  applies to:  " + String.join(" or ", r.appliesIfAny()));
                }
                out.println("  summary:     " + nz(r.summary()));
                if (r.derived()) {
                    var d = r.derivation();
                    out.println("  derived:     " + d.rule() + " of " + d.sources().stream()
                            .map(x -> c.standard(x.standard()).map(Standard::shortTitle).orElse(x.standard()) + " " + x.id()).toList()
                            + " (derived view: its verdict follows theirs)");
                    out.println("  because:     " + nz(d.rationale()));
                    if (d.unverified()) {
                        out.println("  confidence:  unverified: " + nz(d.confidenceNote()));
                    }
                    Standard view = c.requireStandard(r.standard());
                    if (view.indicative() != null) {
                        out.println("  indicative:  " + view.indicative());
                    }
                } else if (r.checks().isEmpty()) {
                    out.println("  checks:      (none: declaration only)");
                } else {
                    out.println("  checks:      " + (r.automated() ? "they can settle a pass alone"
                            : "evidence for or against; a pass also needs a declaration"));
                    for (String check : r.checks()) {
                        out.println("    " + check + (r.rationale(check) == null ? "" : ": " + r.rationale(check)));
                    }
                }
                if (r.question() != null) {
                    out.println("  declare:     " + r.question());
                }
                if (r.remediation() != null) {
                    out.println("  remediation: " + r.remediation());
                }
                for (Crosswalk.Link l : c.crosswalk().links(r.standard())) {
                    if (l.id().equals(r.id())) {
                        out.println("  crosswalk:   " + l.relation() + " " + l.target() + " " + l.targetIds());
                    }
                }
                c.crosswalk().byStandard().values().forEach(links -> links.stream()
                        .filter(l -> l.target().equals(r.standard()) && l.targetIds().contains(r.id()))
                        .forEach(l -> out.println("  crosswalk:   " + l.standard() + " " + l.id() + " (" + l.relation() + ")")));
                out.println();
            }
            return 0;
        }

        private static String conditionTexts(Catalog c, Requirement r) {
            Standard s = c.requireStandard(r.standard());
            return r.conditions().stream().map(n -> c.conditionsOf(s).stream().filter(x -> x.number() == n)
                    .map(x -> n + ": " + x.text()).findFirst().orElse(String.valueOf(n))).toList().toString();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
