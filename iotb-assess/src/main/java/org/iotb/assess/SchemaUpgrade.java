package org.iotb.assess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.iotb.assess.conformance.ConformanceStatements;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.model.Json;

/**
 * Reads an assessment of schema 1.x or 2.x as schema 3.0. 2.x → 3.0: see {@link #fromV2}. 1.x → 2.0 (docs/assessment-schema.md, "Schema versions"):
 * <ul>
 *   <li>{@code xiaomiLevel} {level, reason} becomes {@code levels["xiaomi-iot-baseline"]} with the label
 *       "Xiaomi security level" (1.x had one level scheme, Xiaomi's);</li>
 *   <li>the profile trees' section keys become the profile file's keys: {@code xiaomi.personalData} →
 *       {@code personal-data}, {@code integrityImpact} → {@code integrity-impact}, {@code availabilityImpact} →
 *       {@code availability-impact};</li>
 *   <li>{@code conformance}, absent in 1.x, is computed as 1.x reports did: from the recorded declared profile and
 *       the declarations (rebuilt from the verdicts) under the bundled catalog. A profile the catalog no longer
 *       accepts leaves it empty, with a warning.</li>
 * </ul>
 */
final class SchemaUpgrade {
    static final String V1_LEVEL_STANDARD = "xiaomi-iot-baseline";
    static final String V1_LEVEL_LABEL = "Xiaomi security level";

    private SchemaUpgrade() {
    }

    static Assessment fromV1(ObjectNode a) throws IOException {
        JsonNode level = a.remove("xiaomiLevel");
        ObjectNode levels = a.putObject("levels");
        if (level != null && level.isObject()) {
            ObjectNode l = levels.putObject(V1_LEVEL_STANDARD);
            l.put("label", V1_LEVEL_LABEL);
            l.set("level", level.path("level"));
            l.set("reason", level.path("reason"));
        }
        if (a.get("profile") instanceof ObjectNode profile) {
            for (String tree : List.of("declared", "effective")) {
                if (profile.get(tree) instanceof ObjectNode p) {
                    kebabSectionKeys(p);
                }
            }
        }
        fromV2(a);
        Assessment upgraded = Json.mapper().treeToValue(a, Assessment.class);
        try {
            Catalog catalog = Catalog.load();
            // the statements of the standards the 1.x file assessed (not of standards added to the catalog since)
            java.util.Set<String> assessed = new java.util.HashSet<>();
            upgraded.summary().forEach(x -> assessed.add(x.standard()));
            return upgraded.withConformance(ConformanceStatements.of(catalog, Assessor.declaredProfile(upgraded, catalog),
                    Assessor.declarations(upgraded), upgraded.verdicts()).stream()
                    .filter(c -> assessed.contains(c.standard())).toList());
        } catch (CatalogException e) {
            List<String> warnings = new ArrayList<>(upgraded.warnings());
            warnings.add("schema 1.x assessment: no conformance statements, its profile does not fit this catalog: "
                    + e.getMessage());
            return new Assessment(upgraded.schemaVersion(), upgraded.tool(), upgraded.createdAt(), upgraded.product(),
                    upgraded.inputs(), upgraded.profile(), upgraded.levels(), upgraded.findings(), upgraded.verdicts(),
                    upgraded.summary(), List.of(), upgraded.images(), upgraded.timings(), warnings);
        }
    }

    /**
     * Schema 2.x → 3.0 in place: 2.x verdicts had no {@code basis}; it is recovered from what 2.x recorded (the
     * rule its reason names, the declaration, the findings), and the summaries gain {@code passesByBasis}.
     */
    static ObjectNode fromV2(ObjectNode a) {
        java.util.Map<String, java.util.Map<String, Integer>> passes = new java.util.LinkedHashMap<>();
        for (JsonNode v : a.path("verdicts")) {
            if (v instanceof ObjectNode o && !o.has("basis")) {
                String basis = v2Basis(o);
                o.put("basis", basis);
                if ("pass".equals(o.path("verdict").asText())) {
                    passes.computeIfAbsent(o.path("standard").asText(), k -> new java.util.LinkedHashMap<>())
                            .merge(basis, 1, Integer::sum);
                }
            }
        }
        for (JsonNode s : a.path("summary")) {
            if (s instanceof ObjectNode o && !o.has("passesByBasis")) {
                ObjectNode by = o.putObject("passesByBasis");
                java.util.Map<String, Integer> of = passes.getOrDefault(o.path("standard").asText(), java.util.Map.of());
                for (Basis b : Basis.values()) {
                    if (b != Basis.NONE) {
                        by.put(b.id(), of.getOrDefault(b.id(), 0));
                    }
                }
            }
        }
        a.put("schemaVersion", Assessment.SCHEMA_VERSION);
        return a;
    }

    /** The basis of a 2.x verdict, from the verdict rules of 2.x (docs/assessment.md of that version). */
    private static String v2Basis(ObjectNode v) {
        String verdict = v.path("verdict").asText();
        String reason = v.path("reason").asText("");
        return switch (verdict) {
            case "not-applicable" -> Basis.INFERRED.id();
            case "pass" -> !reason.startsWith("declared") || reason.startsWith("declared Y and automated")
                    ? Basis.VERIFIED.id()
                    : reason.contains("found no contradiction") ? Basis.DECLARED_CONSISTENT.id() : Basis.DECLARED.id();
            case "fail" -> reason.startsWith("declared not supported") ? Basis.DECLARED.id() : Basis.VERIFIED.id();
            default -> Basis.NONE.id();
        };
    }

    /** personalData → personal-data in every section except product (whose field names are the record's). */
    private static void kebabSectionKeys(ObjectNode profile) {
        for (Iterator<Map.Entry<String, JsonNode>> it = profile.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("product") && !e.getKey().equals("device") && e.getValue() instanceof ObjectNode section) {
                ObjectNode renamed = Json.mapper().createObjectNode();
                section.fields().forEachRemaining(f -> renamed.set(kebab(f.getKey()), f.getValue()));
                section.removeAll();
                section.setAll(renamed);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
