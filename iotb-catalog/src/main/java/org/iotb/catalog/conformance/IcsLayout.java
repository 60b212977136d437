package org.iotb.catalog.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.Requirement;
import org.iotb.model.Json;

/**
 * How one standard's implementation conformance statement is laid out (data: {@code ics-layout.yaml} beside the
 * standards): the table's title and columns, how it writes a reference, the statuses it writes otherwise than its
 * own notation, the notation paragraphs and the conditions legend under the table. A standard the file does not
 * name gets {@link #plain}: references are ids, statuses the computed notation, no legend text of its own.
 */
public record IcsLayout(String standard, String table, String headingColumn, List<String> columns, String reference,
                        Map<String, String> references, Map<String, String> statusAsWritten, List<String> notation,
                        String conditionsTitle, List<String> conditions, String conditionsFrom, String note) {

    private static final String RESOURCE = "/org/iotb/catalog/ics-layout.yaml";
    private static Map<String, IcsLayout> bundled;

    public IcsLayout {
        columns = columns == null || columns.isEmpty() ? List.of("Reference", "Status", "Support", "Detail") : List.copyOf(columns);
        reference = reference == null ? "{id}" : reference;
        references = references == null ? Map.of() : Map.copyOf(references);
        statusAsWritten = statusAsWritten == null ? Map.of() : Map.copyOf(statusAsWritten);
        notation = notation == null ? List.of() : List.copyOf(notation);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The layout of a standard the layout file does not name. */
    public static IcsLayout plain(String standard) {
        return new IcsLayout(standard, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The bundled layout of {@code standard}, or {@link #plain}. */
    public static IcsLayout of(String standard) {
        return bundled().getOrDefault(standard, plain(standard));
    }

    /** The reference as the standard's table writes it ("Provision 5.1-1", "Provision 6.1"). */
    public String referenceOf(Requirement r) {
        return references.getOrDefault(r.id(), reference.replace("{id}", r.id()));
    }

    /** The status as the table writes it: its notation ({@link StatusCode}) unless the table writes it otherwise. */
    public String statusOf(Requirement r) {
        return statusAsWritten.getOrDefault(r.id(), StatusCode.of(r));
    }

    private static synchronized Map<String, IcsLayout> bundled() {
        if (bundled == null) {
            try (InputStream in = IcsLayout.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new CatalogException("catalog resource missing: " + RESOURCE);
                }
                bundled = parse(Json.yaml().readTree(in));
            } catch (IOException e) {
                throw new CatalogException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return bundled;
    }

    static Map<String, IcsLayout> parse(JsonNode root) {
        Map<String, IcsLayout> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            JsonNode n = e.getValue();
            out.put(e.getKey(), new IcsLayout(e.getKey(), text(n, "table"), text(n, "heading-column"), strings(n.path("columns")),
                    text(n, "reference"), map(n.path("references")), map(n.path("status-as-written")),
                    strings(n.path("notation")), text(n, "conditions-title"), strings(n.path("conditions")),
                    text(n, "conditions-from"), text(n, "note")));
        });
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(s -> out.add(s.asText()));
        return out;
    }

    private static Map<String, String> map(JsonNode m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }
}
