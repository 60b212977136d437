package org.iotb.server.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.iotb.server.security.ErrorMapping;
import org.iotb.server.security.Web;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.ProductStanding;
import org.iotb.store.workspace.Workspace;

/**
 * PLACEHOLDER for the server-rendered pages (the pages helper replaces this class with jte templates): the login
 * form and "/" listing the actor's products. Routes are added on {@code app.unsafe.routes} before the server starts.
 */
public final class PageRoutes {
    private PageRoutes() {
    }

    public static void register(Javalin app, Workspace workspace, Web web) {
        app.unsafe.routes.get("/login", ctx -> loginPage(ctx, web));
        app.unsafe.routes.get("/", ctx -> home(ctx, workspace, web));
    }

    private static void loginPage(Context ctx, Web web) {
        String error = ctx.queryParam("error") != null ? "<p class=\"error\">Wrong name or password.</p>" : "";
        String next = ctx.queryParam("next");
        ctx.contentType("text/html; charset=utf-8").result(page("Log in", error
                + "<form method=\"post\" action=\"/login\">"
                + "<input type=\"hidden\" name=\"" + Web.CSRF_FIELD + "\" value=\"" + ErrorMapping.escape(web.csrfToken(ctx)) + "\">"
                + (next == null ? "" : "<input type=\"hidden\" name=\"next\" value=\"" + ErrorMapping.escape(next) + "\">")
                + "<label>User name <input name=\"username\" autocomplete=\"username\" required></label>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
                + "<button type=\"submit\">Log in</button></form>"));
    }

    private static void home(Context ctx, Workspace workspace, Web web) {
        Actor actor = web.actor(ctx);
        StringBuilder rows = new StringBuilder();
        for (ProductStanding p : workspace.products(actor)) {
            rows.append("<tr><td>").append(p.product().id()).append("</td><td>").append(ErrorMapping.escape(p.product().name()))
                    .append("</td><td>").append(p.latestVersion() == null ? "-" : ErrorMapping.escape(p.latestVersion().version()))
                    .append("</td><td>").append(p.latestAssessment() == null ? "-" : p.latestAssessment().status().id())
                    .append("</td></tr>");
        }
        ctx.contentType("text/html; charset=utf-8").result(page("Products",
                "<p>Logged in as " + ErrorMapping.escape(actor.username()) + " (" + actor.role().id() + ")</p>"
                        + "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"" + Web.CSRF_FIELD
                        + "\" value=\"" + ErrorMapping.escape(web.csrfToken(ctx)) + "\"><button>Log out</button></form>"
                        + "<table><thead><tr><th>id</th><th>product</th><th>latest version</th><th>assessment</th></tr></thead><tbody>"
                        + rows + "</tbody></table>"));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " · iotb</title>"
                + "<link rel=\"stylesheet\" href=\"/static/iotb.css\"></head><body><main><h1>" + title + "</h1>" + body
                + "</main></body></html>";
    }
}
