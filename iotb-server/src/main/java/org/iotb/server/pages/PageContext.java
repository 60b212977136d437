package org.iotb.server.pages;

import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.Role;

/**
 * What the layout of every page needs: the page title, who is logged in (null on the login page), the session's
 * CSRF token for the forms, and an error or notice to show at the top (null: none).
 */
public record PageContext(String title, Actor actor, String csrf, String error, String notice) {

    public boolean admin() {
        return actor != null && actor.role() == Role.ADMIN;
    }

    /** Assessors and admins change products, firmware and declarations; reviewers and client-viewers only read. */
    public boolean canEdit() {
        return actor != null && (actor.role() == Role.ASSESSOR || actor.role() == Role.ADMIN);
    }

    public boolean reviewer() {
        return actor != null && actor.role() == Role.REVIEWER;
    }

    public PageContext withError(String message) {
        return new PageContext(title, actor, csrf, message, notice);
    }

    public PageContext withNotice(String message) {
        return new PageContext(title, actor, csrf, error, message);
    }
}
