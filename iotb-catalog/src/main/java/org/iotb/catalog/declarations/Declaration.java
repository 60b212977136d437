package org.iotb.catalog.declarations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the manufacturer declares for one requirement, with references to its own evidence. {@code carriedFrom}
 * is null for an answer the file gives; for an answer carried from an equivalent requirement of another standard
 * (crosswalk {@code relation: equivalent}) it names that requirement ("etsi-en-303-645:5.1-1").
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Declaration(Support support, String detail, List<String> evidence, String carriedFrom) {
    public Declaration {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** An answer the declarations file gives itself. */
    public Declaration(Support support, String detail, List<String> evidence) {
        this(support, detail, evidence, null);
    }

    public boolean carried() {
        return carriedFrom != null;
    }

    /** The same answer, carried from {@code requirementKey} ("standard:id"). */
    public Declaration carriedFrom(String requirementKey) {
        return new Declaration(support, detail, evidence, requirementKey);
    }
}
