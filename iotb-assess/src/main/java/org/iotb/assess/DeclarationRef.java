package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the manufacturer declared for one requirement: support Y, N or NA, with their explanation.
 * {@code carriedFrom} names the equivalent requirement the answer was given for ("etsi-en-303-645:5.1-1") when
 * the declarations file did not answer this one itself (crosswalk carry); null for a direct answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeclarationRef(String support, String detail, String evidence, String carriedFrom) {

    public DeclarationRef(String support, String detail, String evidence) {
        this(support, detail, evidence, null);
    }

    public boolean yes() {
        return "Y".equalsIgnoreCase(support);
    }

    public boolean no() {
        return "N".equalsIgnoreCase(support);
    }

    public boolean notApplicable() {
        return "NA".equalsIgnoreCase(support) || "N/A".equalsIgnoreCase(support);
    }

    public boolean carried() {
        return carriedFrom != null;
    }
}
