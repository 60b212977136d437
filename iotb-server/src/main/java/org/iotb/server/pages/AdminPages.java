package org.iotb.server.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.InvalidInputException;
import org.iotb.store.workspace.Role;
import org.iotb.store.workspace.User;
import org.iotb.store.workspace.Workspace;

/** Accounts and organisations (admins), and the audit log (admins: all of it; others: what concerns their products). */
final class AdminPages {
    private static final int AUDIT_LINES = 500;
    private final Workspace workspace;
    private final Pages pages;

    AdminPages(Workspace workspace, Pages pages) {
        this.workspace = workspace;
        this.pages = pages;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/admin/users", ctx -> users(ctx, pages.context(ctx, "Users")));
        routes.post("/admin/users", this::createUser);
        routes.get("/admin/organisations", ctx -> organisations(ctx, pages.context(ctx, "Organisations")));
        routes.post("/admin/organisations", this::createOrganisation);
        routes.get("/admin/audit", this::audit);
    }

    private void users(Context ctx, PageContext page) {
        Actor a = page.actor();
        List<User> users = workspace.users(a);
        pages.render(ctx, "users.jte", page, new AdminView(users, workspace.organisations(a), List.of()));
    }

    private void organisations(Context ctx, PageContext page) {
        pages.render(ctx, "organisations.jte", page, new AdminView(List.of(), workspace.organisations(page.actor()), List.of()));
    }

    private void audit(Context ctx) {
        PageContext page = pages.context(ctx, "Audit log");
        pages.render(ctx, "audit.jte", page, new AdminView(List.of(), List.of(), workspace.audit(page.actor(), AUDIT_LINES)));
    }

    private void createUser(Context ctx) {
        PageContext page = pages.context(ctx, "Users");
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        try {
            Role role = Role.of(String.valueOf(ctx.formParam("role")));
            String org = ctx.formParam("organisation");
            Long organisation = org == null || org.isBlank() ? null : Long.valueOf(org);
            User u = workspace.createUser(page.actor(), username == null ? "" : username.strip(),
                    password == null ? new char[0] : password.toCharArray(), role, organisation);
            users(ctx, page.withNotice("Created " + u.username() + " (" + u.role().id() + ")."));
        } catch (InvalidInputException | IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            users(ctx, page.withError("The user was not created: " + e.getMessage()));
        }
    }

    private void createOrganisation(Context ctx) {
        PageContext page = pages.context(ctx, "Organisations");
        String name = ctx.formParam("name");
        try {
            workspace.createOrganisation(page.actor(), name == null ? "" : name.strip());
            ctx.redirect("/admin/organisations", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            organisations(ctx, page.withError("The organisation was not created: " + e.getMessage()));
        }
    }
}
