package org.iotb.catalog.declarations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What the manufacturer declares for one requirement, with references to its own evidence. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Declaration(Support support, String detail, List<String> evidence) {
    public Declaration {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
