package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the manufacturer declared for one requirement: support Y, N or NA, with their explanation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeclarationRef(String support, String detail, String evidence) {

    public boolean yes() {
        return "Y".equalsIgnoreCase(support);
    }

    public boolean no() {
        return "N".equalsIgnoreCase(support);
    }

    public boolean notApplicable() {
        return "NA".equalsIgnoreCase(support) || "N/A".equalsIgnoreCase(support);
    }
}
