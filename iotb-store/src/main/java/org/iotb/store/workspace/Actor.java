package org.iotb.store.workspace;

/**
 * Who is asking: every {@link Workspace} call takes one and decides what it may see and do. {@code organisationId}
 * is set for a client-viewer (the only organisation whose products they see) and may be null for the other roles.
 */
public record Actor(long userId, String username, Role role, Long organisationId) {
}
