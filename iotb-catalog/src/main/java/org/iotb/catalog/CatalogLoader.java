package org.iotb.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.model.Json;

/**
 * Reads standards and the crosswalk from YAML. The bundled catalog is listed in {@code index.yaml}; a user
 * directory with the same layout can add baselines without code (see docs/catalog-format.md).
 */
final class CatalogLoader {
    private static final String BASE = "/org/iotb/catalog/";

    private CatalogLoader() {
    }

    static Catalog loadBundled() {
        JsonNode index = read(BASE + "index.yaml");
        List<Standard> standards = new ArrayList<>();
        for (JsonNode file : index.path("standards")) {
            standards.add(standard(read(BASE + file.asText()), file.asText()));
        }
        Crosswalk crosswalk = crosswalk(read(BASE + index.path("crosswalk").asText("crosswalk.yaml")));
        return new Catalog(standards, crosswalk);
    }

    static Catalog loadDirectory(Path dir) {
        JsonNode index = readFile(dir.resolve("index.yaml"));
        List<Standard> standards = new ArrayList<>();
        for (JsonNode file : index.path("standards")) {
            standards.add(standard(readFile(dir.resolve(file.asText())), file.asText()));
        }
        JsonNode cw = index.path("crosswalk");
        Crosswalk crosswalk = cw.isMissingNode() ? new Crosswalk(Map.of()) : crosswalk(readFile(dir.resolve(cw.asText())));
        return new Catalog(standards, crosswalk);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogException("catalog resource missing: " + resource);
            }
            return Json.yaml().readTree(in);
        } catch (IOException e) {
            throw new CatalogException("cannot read catalog resource " + resource + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Json.yaml().readTree(in);
        } catch (IOException e) {
            throw new CatalogException("cannot read catalog file " + file + ": " + e.getMessage(), e);
        }
    }

    static Standard standard(JsonNode n, String source) {
        String id = required(n, "id", source);
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : n.path("conditions")) {
            JsonNode p = c.path("profile");
            conditions.add(new Condition(c.path("number").asInt(), text(c, "text"),
                    text(p, "key"), p.path("equals").asBoolean(true)));
        }
        List<Standard.ApplicabilityCondition> appl = new ArrayList<>();
        for (JsonNode a : n.path("applicability-conditions")) {
            appl.add(new Standard.ApplicabilityCondition(text(a, "id"), text(a, "text")));
        }
        List<Requirement> reqs = new ArrayList<>();
        for (JsonNode r : n.path("requirements")) {
            reqs.add(requirement(id, r, source));
        }
        return new Standard(id, text(n, "title"), text(n, "short-title"), text(n, "version"),
                text(n, "conditions-from"), conditions, levels(n.path("levels")), appl, reqs);
    }

    private static Requirement requirement(String standard, JsonNode r, String source) {
        String rid = required(r, "id", source);
        String where = source + " requirement " + rid;
        Status status;
        try {
            status = Status.fromId(required(r, "status", where));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": status must be mandatory or recommended, not '" + text(r, "status") + "'");
        }
        List<Integer> conditions = new ArrayList<>();
        r.path("conditions").forEach(c -> conditions.add(c.asInt()));
        List<Level> levels = new ArrayList<>();
        for (JsonNode l : r.path("levels")) {
            try {
                levels.add(Level.fromId(l.asText()));
            } catch (IllegalArgumentException e) {
                throw new CatalogException(where + ": level must be low, medium or high, not '" + l.asText() + "'");
            }
        }
        levels.sort(null);
        return new Requirement(standard, rid, text(r, "clause"), text(r, "clause-title"), text(r, "title"),
                text(r, "summary"), status, conditions, levels, strings(r.path("applies-if-any")),
                strings(r.path("checks")), r.path("automated").asBoolean(false), text(r, "question"),
                text(r, "remediation"), text(r, "note"));
    }

    private static LevelModel levels(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        return new LevelModel(text(n, "rule"), entries(n.path("confidentiality"), "category"),
                entries(n.path("integrity"), "impact"), entries(n.path("availability"), "impact"));
    }

    private static List<LevelModel.Entry> entries(JsonNode list, String keyField) {
        List<LevelModel.Entry> out = new ArrayList<>();
        for (JsonNode e : list) {
            out.add(new LevelModel.Entry(text(e, keyField), Level.fromId(text(e, "level")), text(e, "text")));
        }
        return out;
    }

    static Crosswalk crosswalk(JsonNode n) {
        Map<String, List<Crosswalk.Link>> by = new LinkedHashMap<>();
        n.fields().forEachRemaining(f -> {
            List<Crosswalk.Link> links = new ArrayList<>();
            for (JsonNode l : f.getValue()) {
                String target = "etsi-en-303-645";
                links.add(new Crosswalk.Link(f.getKey(), text(l, "id"), target, strings(l.path(target)),
                        text(l, "relation"), text(l, "note")));
            }
            by.put(f.getKey(), links);
        });
        return new Crosswalk(by);
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(s -> out.add(s.asText()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode n, String field, String where) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new CatalogException(where + ": missing '" + field + "'");
        }
        return v;
    }
}
