package org.iotb.server.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.HashMap;
import java.util.Map;
import org.iotb.server.security.Web;
import org.iotb.store.workspace.Workspace;

/**
 * Every server-rendered page of the workspace (the REST API under /api/v1 is registered elsewhere). Each group of
 * pages is one class: products ({@link ProductPages}), assessments with their reports, downloads, reviews and the
 * diff ({@link AssessmentPages}), the declarations editor ({@link DeclarationsPages}) and the admin pages
 * ({@link AdminPages}). Login and logout are posted to the security layer; the login form is rendered here. Every
 * page asks the {@link Workspace} with the logged-in actor, which decides what it may see and do.
 */
public final class PageRoutes {
    private PageRoutes() {
    }

    public static void register(Javalin app, Workspace workspace, Web web) {
        register(app.unsafe.routes, workspace, web);
    }

    public static void register(JavalinDefaultRoutingApi routes, Workspace workspace, Web web) {
        Pages pages = new Pages(web);
        AssessmentCache cache = new AssessmentCache(workspace);
        routes.get("/login", ctx -> login(ctx, pages));
        new ProductPages(workspace, pages).register(routes);
        new AssessmentPages(workspace, pages, cache).register(routes);
        new DeclarationsPages(workspace, pages, cache).register(routes);
        new AdminPages(workspace, pages).register(routes);
    }

    private static void login(Context ctx, Pages pages) {
        if (pages.web().currentActor(ctx).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        PageContext page = new PageContext("Log in", null, pages.web().csrfToken(ctx),
                ctx.queryParam("error") != null ? "Wrong user name or password." : null, null);
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        params.put("next", ctx.queryParam("next"));
        pages.render(ctx, "login.jte", params);
    }

    /** A path parameter as an id; anything that is not a number is a 404, like an id that does not exist. */
    static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new org.iotb.store.workspace.NotFoundException(name);
        }
    }
}
