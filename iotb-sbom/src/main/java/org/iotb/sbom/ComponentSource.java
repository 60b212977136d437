package org.iotb.sbom;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a component was identified: a package manager database, or a version signature in a file. */
public enum ComponentSource {
    PACKAGE_DB("package-db"), SIGNATURE("signature");

    private final String id;

    ComponentSource(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
