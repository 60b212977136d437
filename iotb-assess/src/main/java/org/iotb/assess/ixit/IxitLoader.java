package org.iotb.assess.ixit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.Standard;
import org.iotb.catalog.UserYaml;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.testspec.IxitTable;
import org.iotb.catalog.testspec.TestSpecification;
import org.iotb.model.Json;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an IXIT file ({@link IxitTemplate}'s format). The answers under {@code provisions:} are declarations and
 * are judged by the one declarations reader, {@link DeclarationsLoader}, with the same rules (no N/A on an
 * unconditional provision, reasons for an N on a recommendation) and the same line numbers: each answer is handed
 * to it on the line it has in the IXIT file. A provision answered under two tables is an error: one question, one
 * place.
 */
public final class IxitLoader {
    private final List<String> problems = new ArrayList<>();

    private IxitLoader() {
    }

    public static IxitAnswers load(Path file, Catalog catalog, TestSpecification spec) {
        try {
            org.iotb.model.io.InputFiles.requireFile(file, "IXIT");
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), catalog, spec);
        } catch (IOException e) {
            throw new CatalogException("cannot read IXIT " + file + ": " + e.getMessage(), e);
        }
    }

    public static IxitAnswers parse(String yaml, String sourceName, Catalog catalog, TestSpecification spec) {
        return new IxitLoader().read(yaml, sourceName, catalog, spec);
    }

    private IxitAnswers read(String yaml, String sourceName, Catalog catalog, TestSpecification spec) {
        Node root;
        root = UserYaml.compose(yaml, sourceName);
        Standard standard = catalog.requireStandard(spec.standard());
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<Integer, String> answerLines = new java.util.TreeMap<>();
        List<String> tables = new ArrayList<>();
        int unconfirmed = 0;
        if (root instanceof MappingNode map) {
            for (NodeTuple top : map.getValue()) {
                String key = scalar(top.getKeyNode());
                if ("product".equals(key)) {
                    continue;
                }
                if (!"tables".equals(key) || !(top.getValueNode() instanceof MappingNode tablesNode)) {
                    if (!"tables".equals(key)) {
                        problem(top.getKeyNode(), "unknown key '" + key + "' (allowed: tables)");
                    } else if (!isNull(top.getValueNode())) {
                        problem(top.getValueNode(), "tables: expected IXIT tables as keys (\"1-AuthMech\": ...)");
                    }
                    continue;
                }
                for (NodeTuple t : tablesNode.getValue()) {
                    String ref = scalar(t.getKeyNode());
                    IxitTable table = spec.tables().stream().filter(x -> x.ref().equals(ref) || x.id().equals(ref))
                            .findFirst().orElse(null);
                    if (table == null) {
                        problem(t.getKeyNode(), "unknown IXIT table '" + ref + "'; known: 1-AuthMech … 29-InpVal");
                        continue;
                    }
                    tables.add(table.ref());
                    if (!(t.getValueNode() instanceof MappingNode body)) {
                        continue;
                    }
                    for (NodeTuple part : body.getValue()) {
                        String partKey = scalar(part.getKeyNode());
                        switch (partKey) {
                            case "entries" -> unconfirmed += unconfirmed(part.getValueNode(), table);
                            case "provisions" -> {
                                if (part.getValueNode() instanceof MappingNode answers) {
                                    for (NodeTuple a : answers.getValue()) {
                                        String id = scalar(a.getKeyNode());
                                        int line = line(a.getKeyNode());
                                        if (lines.containsKey(standard.id() + ":" + id)) {
                                            problem(a.getKeyNode(), table.ref() + ": provision " + id + " is answered twice"
                                                    + " (also on line " + lines.get(standard.id() + ":" + id) + ")");
                                            continue;
                                        }
                                        if (standard.requirement(id).isEmpty()) {
                                            problem(a.getKeyNode(), table.ref() + ": unknown provision '" + id + "'");
                                            continue;
                                        }
                                        lines.put(standard.id() + ":" + id, line);
                                        int at = line;
                                        while (answerLines.containsKey(at)) {
                                            at++; // answers written on one line (flow style) keep their order
                                        }
                                        answerLines.put(at, "  " + json(id) + ": " + json(plain(a.getValueNode())));
                                    }
                                } else if (!isNull(part.getValueNode())) {
                                    problem(part.getValueNode(), table.ref() + ": provisions: expected provision ids as keys");
                                }
                            }
                            default -> problem(part.getKeyNode(), table.ref() + ": unknown key '" + partKey
                                    + "' (allowed: entries, provisions)");
                        }
                    }
                }
            }
        } else if (root != null) {
            problem(root, "expected `tables:` at the top level");
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(sourceName + " has " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
        Declarations declarations = answerLines.isEmpty() ? Declarations.NONE
                : DeclarationsLoader.parse(asDeclarations(standard.id(), answerLines), sourceName, catalog);
        return new IxitAnswers(sourceName, declarations, lines, unconfirmed, tables);
    }

    /** A declarations document whose answers sit on the lines they have in the IXIT file (line 1 holds the header). */
    private static String asDeclarations(String standardId, Map<Integer, String> answerLines) {
        StringBuilder b = new StringBuilder(standardId + ":\n");
        int line = 2;
        for (Map.Entry<Integer, String> e : answerLines.entrySet()) {
            for (; line < e.getKey(); line++) {
                b.append('\n');
            }
            b.append(e.getValue()).append('\n');
            line++;
        }
        return b.toString();
    }

    private int unconfirmed(Node entries, IxitTable table) {
        int n = 0;
        if (entries instanceof SequenceNode seq) {
            for (Node e : seq.getValue()) {
                if (e instanceof MappingNode m) {
                    n += (int) m.getValue().stream().filter(t -> "prefilled".equals(scalar(t.getKeyNode()))).count();
                }
            }
        } else if (!isNull(entries)) {
            problem(entries, table.ref() + ": entries: expected a list");
        }
        return n;
    }

    /** A node as plain Java values (scalars as strings), for the declarations reader to judge. */
    private static Object plain(Node n) {
        if (n instanceof ScalarNode s) {
            return isNull(s) ? null : s.getValue();
        }
        if (n instanceof SequenceNode seq) {
            return seq.getValue().stream().map(IxitLoader::plain).toList();
        }
        if (n instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.getValue().forEach(t -> out.put(scalar(t.getKeyNode()), plain(t.getValueNode())));
            return out;
        }
        return null;
    }

    private static String json(Object o) {
        try {
            return Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void problem(Node at, String message) {
        problems.add("line " + line(at) + ": " + message);
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : String.valueOf(n);
    }

    private static boolean isNull(Node v) {
        return v instanceof ScalarNode s && (s.getValue().isEmpty() || "~".equals(s.getValue()) || "null".equals(s.getValue()));
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }
}
