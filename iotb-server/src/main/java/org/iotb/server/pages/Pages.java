package org.iotb.server.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;
import org.iotb.server.security.Web;

/**
 * Renders the jte templates of src/main/jte, compiled to Java at build time (the jte-maven-plugin in the pom):
 * no template is read or compiled at run time. Output is HTML-escaped by jte everywhere but in {@code $unsafe}
 * (used once, for the trend chart's SVG that {@link TrendChart} escapes itself).
 */
final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Web web;

    Pages(Web web) {
        this.web = web;
    }

    /** The layout's context for a logged-in page (redirects to the login form without a session). */
    PageContext context(Context ctx, String title) {
        return new PageContext(title, web.actor(ctx), web.csrfToken(ctx), null, null);
    }

    Web web() {
        return web;
    }

    void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** As {@link #render} for one page model and the layout context. */
    void render(Context ctx, String template, PageContext page, Object view) {
        render(ctx, template, Map.of("page", page, "view", view));
    }
}
