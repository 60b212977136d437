package org.iotb.catalog.declarations;

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
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.UserYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads declarations: {@code <standard-id>: {<requirement-id>: {support: Y|N|N/A, detail: ..., evidence: [...]}}}.
 * Refuses N/A for a requirement that carries no condition (EN 303 645 Annex B allows N/A only for conditional
 * provisions; MTSFB mirrors it), and N on a recommendation without a justification in {@code detail} (Annex B: the
 * detail of an unsupported provision gives the reasons why implementation is not possible or not appropriate) —
 * also where the N reaches a recommendation by the crosswalk carry. Every problem is reported with its line.
 */
public final class DeclarationsLoader {
    private final Catalog catalog;
    private final List<String> problems = new ArrayList<>();
    /** The line of each answer, by requirement key, to point at the source of a carried answer. */
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private DeclarationsLoader(Catalog catalog) {
        this.catalog = catalog;
    }

    public static Declarations load(Path file, Catalog catalog) {
        try {
            org.iotb.model.io.InputFiles.requireFile(file, "declarations"); // a FIFO or device would never end
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), catalog);
        } catch (IOException e) {
            throw new CatalogException("cannot read declarations " + file + ": " + e.getMessage(), e);
        }
    }

    public static Declarations parse(String yaml, String sourceName, Catalog catalog) {
        DeclarationsLoader loader = new DeclarationsLoader(catalog);
        Declarations d = loader.read(yaml, sourceName);
        loader.checkCarried(d);
        if (!loader.problems.isEmpty()) {
            throw new CatalogException(sourceName + " has " + loader.problems.size() + " problem(s):\n  "
                    + String.join("\n  ", loader.problems));
        }
        return d;
    }

    private Declarations read(String yaml, String sourceName) {
        Node root;
        root = UserYaml.compose(yaml, sourceName);
        if (root == null) {
            return Declarations.NONE;
        }
        if (!(root instanceof MappingNode map)) {
            throw new CatalogException(sourceName + " line " + line(root) + ": expected standard ids as top-level keys");
        }
        Map<String, Map<String, Declaration>> out = new LinkedHashMap<>();
        for (NodeTuple st : map.getValue()) {
            String sid = scalar(st.getKeyNode());
            if ("product".equals(sid)) {
                continue; // informational header written by the template
            }
            Standard standard = catalog.standard(sid).orElse(null);
            if (standard == null) {
                problem(st.getKeyNode(), "unknown standard '" + sid + "'; known: "
                        + catalog.standards().stream().map(Standard::id).toList());
                continue;
            }
            if (!(st.getValueNode() instanceof MappingNode reqs)) {
                if (!isNull(st.getValueNode())) {
                    problem(st.getValueNode(), sid + ": expected requirement ids as keys");
                }
                continue;
            }
            Map<String, Declaration> decls = new LinkedHashMap<>();
            for (NodeTuple rt : reqs.getValue()) {
                String rid = scalar(rt.getKeyNode());
                Requirement r = standard.requirement(rid).orElse(null);
                if (r == null) {
                    problem(rt.getKeyNode(), sid + ": unknown requirement '" + rid + "'");
                    continue;
                }
                Declaration d = declaration(sid + " " + rid, rt.getValueNode());
                if (d == null) {
                    continue;
                }
                if (d.support() == Support.NA && !r.conditional() && standard.levels() == null) {
                    problem(rt.getValueNode(), sid + " " + rid + ": N/A is not allowed for an unconditional "
                            + "provision (only provisions with conditions may be declared not applicable)");
                    continue;
                }
                if (d.support() == Support.N && r.status() == org.iotb.catalog.Status.RECOMMENDED && blank(d.detail())) {
                    problem(rt.getValueNode(), sid + " " + rid + ": N on a recommendation needs a justification: give"
                            + " the reasons why it is not implemented in 'detail' (EN 303 645 Annex B)");
                    continue;
                }
                lines.put(r.key(), line(rt.getKeyNode()));
                decls.put(rid, d);
            }
            out.put(sid, decls);
        }
        return new Declarations(out);
    }

    /** An N without detail on a mandatory requirement may be carried to a twin that is a recommendation. */
    private void checkCarried(Declarations given) {
        given.withCarried(catalog.crosswalk()).byStandard().forEach((sid, decls) -> decls.forEach((rid, d) -> {
            if (d.carried() && d.support() == Support.N && blank(d.detail())
                    && catalog.requirement(sid, rid).map(r -> r.status() == org.iotb.catalog.Status.RECOMMENDED).orElse(false)) {
                problems.add("line " + lines.getOrDefault(d.carriedFrom(), 0) + ": " + d.carriedFrom().replace(':', ' ')
                        + ": N carries to its equivalent " + sid + " " + rid + ", a recommendation, which needs a"
                        + " justification: give the reasons in 'detail' (EN 303 645 Annex B)");
            }
        }));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private Declaration declaration(String where, Node v) {
        if (v instanceof ScalarNode s) {
            if (isNull(s)) {
                return null;
            }
            return support(where, s).map(x -> new Declaration(x, null, List.of())).orElse(null);
        }
        if (!(v instanceof MappingNode m)) {
            problem(v, where + ": expected {support: Y|N|N/A, detail: ..., evidence: [...]}");
            return null;
        }
        Support support = null;
        String detail = null;
        List<String> evidence = new ArrayList<>();
        boolean sawSupport = false;
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            Node value = t.getValueNode();
            switch (key) {
                case "support" -> {
                    sawSupport = true;
                    if (!isNull(value) && value instanceof ScalarNode s) {
                        support = support(where, s).orElse(null);
                    }
                }
                case "detail" -> detail = isNull(value) ? null : scalar(value);
                case "evidence" -> {
                    if (value instanceof SequenceNode seq) {
                        seq.getValue().forEach(n -> evidence.add(scalar(n)));
                    } else if (!isNull(value)) {
                        evidence.add(scalar(value));
                    }
                }
                default -> problem(t.getKeyNode(), where + ": unknown key '" + key + "' (allowed: support, detail, evidence)");
            }
        }
        if (support == null) {
            if (!sawSupport && (detail != null || !evidence.isEmpty())) {
                problem(v, where + ": 'support' is missing");
            }
            return null; // an unanswered template entry
        }
        return new Declaration(support, detail, evidence);
    }

    private java.util.Optional<Support> support(String where, ScalarNode s) {
        try {
            return java.util.Optional.of(Support.parse(s.getValue()));
        } catch (IllegalArgumentException e) {
            problem(s, where + ": " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void problem(Node at, String message) {
        problems.add("line " + line(at) + ": " + message);
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : String.valueOf(n);
    }

    private static boolean isNull(Node v) {
        return v instanceof ScalarNode s && (s.getValue().isEmpty() || "~".equals(s.getValue())
                || "null".equals(s.getValue()));
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }
}
