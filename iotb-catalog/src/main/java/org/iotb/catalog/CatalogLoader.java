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
import org.iotb.catalog.derived.Derivation;
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
        return loadResources(BASE);
    }

    /** A catalog from a class-path folder ({@code folder} ends with '/'). */
    static Catalog loadResources(String folder) {
        return load(name -> read(folder + name));
    }

    static Catalog loadDirectory(Path dir) {
        return load(name -> readFile(dir.resolve(name)));
    }

    /** Reads index.yaml, the standards it lists, its token kinds and its crosswalk through {@code files}. */
    private static Catalog load(java.util.function.Function<String, JsonNode> files) {
        JsonNode index = files.apply("index.yaml");
        List<Standard> standards = new ArrayList<>();
        for (JsonNode entry : index.path("standards")) {
            // an entry is a file name, or {file: NAME, default: false} for a standard assessed only on request
            String file = entry.isObject() ? required(entry, "file", "index.yaml standards") : entry.asText();
            Standard s = standard(files.apply(file), file);
            if (entry.isObject() && !entry.path("default").asBoolean(true)) {
                s = new Standard(s.id(), s.title(), s.shortTitle(), s.version(), s.conditionsFrom(), s.conditions(),
                        s.levels(), s.applicabilityConditions(), s.requirements(), false, s.indicative());
            }
            standards.add(s);
        }
        List<TokenKind> kinds = new ArrayList<>();
        for (JsonNode k : index.path("token-kinds")) {
            kinds.add(new TokenKind(required(k, "token", "index.yaml token-kinds"), required(k, "key", "index.yaml token-kinds"),
                    k.path("list").asBoolean(true), text(k, "text"), strings(k.path("words"))));
        }
        JsonNode cw = index.path("crosswalk");
        Crosswalk crosswalk = cw.isMissingNode() ? new Crosswalk(Map.of()) : crosswalk(files.apply(cw.asText()), standards);
        return new Catalog(standards, crosswalk, kinds);
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
            appl.add(new Standard.ApplicabilityCondition(text(a, "id"), text(a, "text"), text(a, "formerly")));
        }
        LevelScheme levels = levels(n.path("levels"), source);
        List<Requirement> reqs = new ArrayList<>();
        for (JsonNode r : n.path("requirements")) {
            reqs.add(requirement(id, r, source, levels));
        }
        return new Standard(id, text(n, "title"), text(n, "short-title"), text(n, "version"),
                text(n, "conditions-from"), conditions, levels, appl, reqs, true, text(n, "indicative"));
    }

    private static Requirement requirement(String standard, JsonNode r, String source, LevelScheme scheme) {
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
        List<String> levels = new ArrayList<>();
        for (JsonNode l : r.path("levels")) {
            if (scheme == null || scheme.rank(l.asText()) < 0) {
                throw new CatalogException(where + ": level must be one of the standard's levels "
                        + (scheme == null ? "(it defines none)" : scheme.scale()) + ", not '" + l.asText() + "'");
            }
            levels.add(l.asText());
        }
        levels.sort(java.util.Comparator.comparingInt(scheme == null ? l -> 0 : scheme::rank));
        List<String> checks = new ArrayList<>();
        Map<String, String> rationales = new LinkedHashMap<>();
        checks(r.path("checks"), where, checks, rationales);
        return new Requirement(standard, rid, text(r, "clause"), text(r, "clause-title"), text(r, "title"),
                text(r, "summary"), status, conditions, levels, strings(r.path("applies-if-any")),
                checks, r.path("automated").asBoolean(false), text(r, "question"),
                text(r, "remediation"), text(r, "note"), rationales, derivation(r, where));
    }

    /**
     * A derived view's requirement: {@code derived-from: [{standard: S, id: ID}, ...]}, {@code rule} (default
     * all-of), {@code rationale} and, for a row its public source did not confirm, {@code confidence: unverified}
     * with {@code confidence-note}. Null when the requirement has no {@code derived-from}.
     */
    private static Derivation derivation(JsonNode r, String where) {
        if (r.has("derivedFrom")) {
            throw new CatalogException(where + ": write 'derived-from' (catalog fields are kebab-case), not 'derivedFrom'");
        }
        JsonNode list = r.path("derived-from");
        if (list.isMissingNode() || list.isNull()) {
            return null;
        }
        List<Derivation.Source> sources = new ArrayList<>();
        for (JsonNode s : list) {
            sources.add(new Derivation.Source(required(s, "standard", where + " derived-from"), required(s, "id", where + " derived-from")));
        }
        // derived-from: [] is a requirement no other requirement bears on; it says why in no-evidence, and that reason
        // is its rationale (its verdict stays unknown: docs/catalog-format.md "Regulations: CRA and EN 18031")
        String noEvidence = text(r, "no-evidence");
        if (sources.isEmpty() && (noEvidence == null || noEvidence.isBlank())) {
            throw new CatalogException(where + ": 'derived-from' names no requirement (write no-evidence: REASON when none bears on it)");
        }
        String rule = r.path("rule").asText(Derivation.ALL_OF);
        if (!Derivation.RULES.contains(rule)) {
            throw new CatalogException(where + ": rule must be one of " + Derivation.RULES + ", not '" + rule + "'");
        }
        return new Derivation(sources, rule, sources.isEmpty() ? noEvidence : text(r, "rationale"), text(r, "confidence"),
                text(r, "confidence-note"));
    }

    /**
     * A requirement's {@code checks}: each entry is {@code {id: CHECK, why: "..."}} (the check and why it bears on
     * the requirement) or, in the short form, a bare check id with no rationale (the validator reports those).
     */
    private static void checks(JsonNode list, String where, List<String> ids, Map<String, String> rationales) {
        for (JsonNode c : list) {
            String id = c.isObject() ? text(c, "id") : c.isValueNode() ? c.asText() : null;
            if (id == null || id.isBlank()) {
                throw new CatalogException(where + ": each entry of 'checks' is a check id or {id: CHECK, why: \"...\"}, not " + c);
            }
            if (ids.contains(id)) {
                throw new CatalogException(where + ": check " + id + " is listed twice");
            }
            ids.add(id);
            String why = c.isObject() ? text(c, "why") : null;
            if (why != null && !why.isBlank()) {
                rationales.put(id, why.strip());
            }
        }
    }

    private static LevelScheme levels(JsonNode n, String source) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        String where = source + " levels";
        List<String> scale = strings(n.path("scale"));
        if (scale.isEmpty()) {
            throw new CatalogException(where + ": missing 'scale' (the levels, lowest first)");
        }
        String combine = n.path("combine").asText("highest");
        if (!combine.equals("highest")) {
            throw new CatalogException(where + ": combine must be 'highest', not '" + combine + "'");
        }
        List<LevelScheme.Input> inputs = new ArrayList<>();
        for (JsonNode i : n.path("inputs")) {
            String key = required(i, "key", where);
            List<LevelScheme.Value> values = new ArrayList<>();
            for (JsonNode v : i.path("values")) {
                String level = required(v, "level", where + " " + key);
                if (!scale.contains(level)) {
                    throw new CatalogException(where + " " + key + ": level must be one of " + scale + ", not '" + level + "'");
                }
                values.add(new LevelScheme.Value(required(v, "value", where + " " + key), level, text(v, "text")));
            }
            inputs.add(new LevelScheme.Input(key, i.has("name") ? text(i, "name") : key,
                    i.path("list").asBoolean(false), text(i, "question"), text(i, "because"), text(i, "because-none"), values));
        }
        return new LevelScheme(scale, text(n, "label"), text(n, "rule"), required(n, "profile-section", where), inputs);
    }

    /**
     * Each top-level key names a standard; each link names its target standard by a key that is a standard id
     * ({@code {id: "6.1(a)", etsi-en-303-645: ["5.1-1"], relation: equivalent}}), so targets are data.
     */
    static Crosswalk crosswalk(JsonNode n, List<Standard> standards) {
        List<String> ids = standards.stream().map(Standard::id).toList();
        Map<String, List<Crosswalk.Link>> by = new LinkedHashMap<>();
        n.fields().forEachRemaining(f -> {
            List<Crosswalk.Link> links = new ArrayList<>();
            for (JsonNode l : f.getValue()) {
                String where = "crosswalk " + f.getKey() + " " + text(l, "id");
                List<String> targets = new ArrayList<>();
                l.fieldNames().forEachRemaining(name -> {
                    if (!LINK_FIELDS.contains(name)) {
                        targets.add(name);
                    }
                });
                if (targets.size() != 1 || !ids.contains(targets.get(0))) {
                    throw new CatalogException(where + ": a link names exactly one target standard of the catalog "
                            + ids + ", not " + targets);
                }
                String target = targets.get(0);
                links.add(new Crosswalk.Link(f.getKey(), text(l, "id"), target, strings(l.path(target)),
                        text(l, "relation"), text(l, "note")));
            }
            by.put(f.getKey(), links);
        });
        return new Crosswalk(by);
    }

    private static final List<String> LINK_FIELDS = List.of("id", "relation", "note");

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
