package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the report names in its title; taken from the profile. Unknown fields are null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Product(String name, String vendor, String model, String firmwareVersion, String category) {

    public String displayName() {
        StringBuilder sb = new StringBuilder();
        if (vendor != null && !vendor.isBlank() && (name == null || !name.startsWith(vendor))) {
            sb.append(vendor).append(' ');
        }
        sb.append(name != null && !name.isBlank() ? name : model != null ? model : "unnamed product");
        if (firmwareVersion != null && !firmwareVersion.isBlank()) {
            sb.append(" (firmware ").append(firmwareVersion).append(')');
        }
        return sb.toString();
    }
}
