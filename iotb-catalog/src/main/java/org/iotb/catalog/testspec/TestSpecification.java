package org.iotb.catalog.testspec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.Crosswalk;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.model.Json;

/**
 * ETSI TS 103 701 as iotb lays out its assessment record (data: {@code ts-103-701.yaml} beside the standards,
 * docs/catalog-format.md "TS 103 701 layout"): the 29 IXIT tables and, per provision of the standard it tests
 * (EN 303 645), a test group with its test cases and units. The provisions' twins in other standards (MTSFB) find
 * their group through the crosswalk's {@code equivalent} links ({@link #groupFor}).
 */
public record TestSpecification(String standard, String source, List<IxitTable> tables, List<TestGroup> groups) {

    private static final String RESOURCE = "/org/iotb/catalog/ts-103-701.yaml";
    private static TestSpecification bundled;

    public TestSpecification {
        tables = List.copyOf(tables);
        groups = List.copyOf(groups);
    }

    /** The bundled specification (loaded once), validated against the bundled catalog. */
    public static synchronized TestSpecification load() {
        if (bundled == null) {
            TestSpecification spec = loadResource(RESOURCE);
            List<String> problems = spec.problems(Catalog.load());
            if (!problems.isEmpty()) {
                throw new CatalogException(RESOURCE + " has " + problems.size() + " problem(s):\n  "
                        + String.join("\n  ", problems));
            }
            bundled = spec;
        }
        return bundled;
    }

    /** A specification file from the class path, not validated. */
    public static TestSpecification loadResource(String resource) {
        try (InputStream in = TestSpecification.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogException("catalog resource missing: " + resource);
            }
            return parse(Json.yaml().readTree(in));
        } catch (IOException e) {
            throw new CatalogException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    static TestSpecification parse(JsonNode root) {
        List<IxitTable> tables = new ArrayList<>();
        root.path("ixit-tables").forEach(t -> tables.add(new IxitTable(t.path("number").asInt(), text(t, "id"),
                text(t, "name"), text(t, "asks"))));
        List<TestGroup> groups = new ArrayList<>();
        for (JsonNode g : root.path("groups")) {
            List<TestCase> cases = new ArrayList<>();
            for (JsonNode c : g.path("cases")) {
                List<TestUnit> units = new ArrayList<>();
                for (JsonNode u : c.path("units")) {
                    JsonNode e = u.path("evidence");
                    List<String> checks = new ArrayList<>();
                    e.path("checks").forEach(x -> checks.add(x.asText()));
                    units.add(new TestUnit(text(u, "id"), text(u, "kind"), text(u, "ixit"), text(u, "method"),
                            text(u, "refers-to"), text(u, "text"), new UnitEvidence(e.path("declaration").asBoolean(false),
                            checks, e.path("settles").asBoolean(false), e.path("lab").asBoolean(false))));
                }
                cases.add(new TestCase(text(c, "id"), text(c, "kind"), units));
            }
            groups.add(new TestGroup(text(g, "provision"), text(g, "group"), cases, text(g, "note")));
        }
        return new TestSpecification(text(root, "standard"), text(root, "source"), tables, groups);
    }

    public Optional<TestGroup> group(String provision) {
        return groups.stream().filter(g -> g.provision().equals(provision)).findFirst();
    }

    public Optional<IxitTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** A test case by id ("5.5-1-2"), in any group. */
    public Optional<TestCase> testCase(String id) {
        return groups.stream().flatMap(g -> g.cases().stream()).filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The test group of a requirement: its own when it belongs to the tested standard, else the group of the
     * provision the crosswalk says it is equivalent to (MTSFB 6.1(a) → test group 5.1-1); empty when it has none.
     */
    public Optional<TestGroup> groupFor(Catalog catalog, Requirement r) {
        if (r.standard().equals(standard)) {
            return group(r.id());
        }
        for (Crosswalk.Link l : catalog.crosswalk().links(r.standard())) {
            if (l.id().equals(r.id()) && l.equivalent() && standard.equals(l.target()) && l.targetIds().size() == 1) {
                return group(l.targetIds().get(0));
            }
        }
        return Optional.empty();
    }

    /** The provisions whose question the questionnaire asks under this IXIT table ({@link TestGroup#questionTable}). */
    public List<String> questionsOf(String tableId) {
        return groups.stream().filter(g -> tableId.equals(g.questionTable())).map(TestGroup::provision).toList();
    }

    /**
     * Everything wrong with this specification against {@code catalog}: a provision without a group or a group
     * without a provision, not exactly the 29 IXIT tables numbered 1..29, a unit reading an unknown table, a check
     * the provision does not list (so every check id is one the catalog maps, which CheckCatalogConsistencyTest
     * resolves against the registries), ids that do not nest (group → case → unit), a cross-reference to no test
     * case, a unit with no evidence at all.
     */
    public List<String> problems(Catalog catalog) {
        List<String> problems = new ArrayList<>();
        Standard tested = catalog.standard(standard).orElse(null);
        if (tested == null) {
            return List.of("standard '" + standard + "' is not in the catalog");
        }
        Set<Integer> numbers = new HashSet<>();
        Map<String, IxitTable> byId = new LinkedHashMap<>();
        for (IxitTable t : tables) {
            if (t.number() < 1 || t.number() > 29 || !numbers.add(t.number()) || byId.put(t.id(), t) != null) {
                problems.add("IXIT table " + t.ref() + ": duplicate or outside 1..29");
            }
        }
        if (tables.size() != 29) {
            problems.add("expected the 29 IXIT tables, found " + tables.size());
        }
        for (Requirement r : tested.requirements()) {
            if (group(r.id()).isEmpty()) {
                problems.add("provision " + r.id() + " has no test group");
            }
        }
        Set<String> unitIds = new HashSet<>();
        for (TestGroup g : groups) {
            Requirement r = tested.requirement(g.provision()).orElse(null);
            if (r == null) {
                problems.add("test group " + g.provision() + ": no such provision in " + standard);
                continue;
            }
            if (!("Test group " + g.provision()).equals(g.group())) {
                problems.add("test group " + g.provision() + ": named '" + g.group() + "'");
            }
            for (TestCase c : g.cases()) {
                if (!c.id().matches(java.util.regex.Pattern.quote(g.provision()) + "-[12]")) {
                    problems.add("test case " + c.id() + " is not a case of provision " + g.provision());
                }
                if (!List.of("conceptual", "functional", "conceptual/functional").contains(c.kind())) {
                    problems.add("test case " + c.id() + ": kind '" + c.kind() + "'");
                }
                for (TestUnit u : c.units()) {
                    String where = "test unit " + u.id();
                    if (u.id() == null || !u.id().matches(java.util.regex.Pattern.quote(c.id()) + "[a-z]") || !unitIds.add(u.id())) {
                        problems.add(where + ": not a unique unit of test case " + c.id());
                    }
                    if (!TestUnit.CONCEPTUAL.equals(u.kind()) && !TestUnit.FUNCTIONAL.equals(u.kind())) {
                        problems.add(where + ": kind '" + u.kind() + "'");
                    }
                    if (!byId.containsKey(u.ixit())) {
                        problems.add(where + ": IXIT table '" + u.ixit() + "' is not one of the 29");
                    }
                    if (u.text() == null || u.text().isBlank()) {
                        problems.add(where + ": no text");
                    }
                    for (String check : u.evidence().checks()) {
                        if (!r.checks().contains(check)) {
                            problems.add(where + ": check " + check + " is not one provision " + r.id() + " lists");
                        }
                    }
                    if (u.crossReference() && testCase(u.refersTo()).isEmpty()) {
                        problems.add(where + ": refers to unknown test case " + u.refersTo());
                    }
                    UnitEvidence e = u.evidence();
                    if (!u.crossReference() && !e.declaration() && e.checks().isEmpty() && !e.lab()) {
                        problems.add(where + ": no evidence (declaration, checks or lab)");
                    }
                    if (e.settles() && e.checks().isEmpty()) {
                        problems.add(where + ": settles without checks");
                    }
                }
            }
        }
        return problems;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
