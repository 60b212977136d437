package org.iotb.sbom.vuln.vex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One triage statement read from a VEX file: which vulnerability, in which products (purls, bom-refs that are
 * purls, or {@code name@version}), the decision, its justification and free-text detail, who said it and in which
 * file ({@code sha256} of that file, so the assessment can cite it).
 */
public record VexStatement(String vulnerability, List<String> products, VexStatus status, String justification,
        String detail, String author, String file, String format) {

    public VexStatement {
        products = products == null ? List.of() : List.copyOf(products);
    }

    /** The statement as finding data and JSON output: status, justification, detail, author, file, format. */
    public Map<String, Object> toData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.id());
        m.put("justification", justification);
        m.put("detail", detail);
        m.put("author", author);
        m.put("file", file);
        m.put("format", format);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    /** "not_affected (vulnerable_code_not_present) per lab.vex.json, author Example Lab". */
    public String describe() {
        return status.id() + (justification == null ? "" : " (" + justification + ")") + " per " + file
                + (author == null ? "" : ", author " + author) + (detail == null ? "" : ": " + detail);
    }
}
