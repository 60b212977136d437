package org.iotb.server.pages;

import java.util.List;
import java.util.Map;
import org.iotb.store.workspace.AuditEntry;
import org.iotb.store.workspace.Organisation;
import org.iotb.store.workspace.Role;
import org.iotb.store.workspace.User;

/** The admin pages: accounts (with their organisation's name), organisations and the audit log. */
public record AdminView(List<User> users, List<Organisation> organisations, List<AuditEntry> audit) {

    /** The roles a new account can get, the everyday one first (an admin account is the exception). */
    public List<Role> roles() {
        return List.of(Role.ASSESSOR, Role.REVIEWER, Role.CLIENT_VIEWER, Role.ADMIN);
    }

    public String organisationName(Long id) {
        if (id == null) {
            return "–";
        }
        Map<Long, String> names = new java.util.HashMap<>();
        organisations.forEach(o -> names.put(o.id(), o.name()));
        return names.getOrDefault(id, "#" + id);
    }
}
