package org.iotb.store.workspace;

/**
 * What a user may do. An admin manages accounts and organisations; an assessor creates products, uploads firmware,
 * edits declarations and runs assessments; a reviewer signs off assessments (never one they ran); a client-viewer
 * reads only the products of their own organisation. The {@link #id()} is the spelling in the API and the database.
 */
public enum Role {
    ADMIN("admin"), ASSESSOR("assessor"), REVIEWER("reviewer"), CLIENT_VIEWER("client-viewer");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role: " + id + " (admin, assessor, reviewer, client-viewer)");
    }
}
