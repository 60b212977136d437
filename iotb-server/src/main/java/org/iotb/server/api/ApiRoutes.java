package org.iotb.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.server.security.LoginRoutes;
import org.iotb.server.security.LoginThrottle;
import org.iotb.server.security.Web;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.DeclarationsVersion;
import org.iotb.store.workspace.InvalidInputException;
import org.iotb.store.workspace.ReportFormats;
import org.iotb.store.workspace.Role;
import org.iotb.store.workspace.Workspace;

/**
 * The REST API under {@value #BASE}: JSON in and out (camelCase as the records; roles and statuses as their ids),
 * every call through the {@link Workspace} as the request's actor, which decides what they may see (404) and do
 * (403). {@code openapi.yaml} next to this class documents each route; {@code OpenApiRoutesTest} keeps both equal.
 */
public final class ApiRoutes {
    public static final String BASE = "/api/v1";
    static final String OPENAPI = "/org/iotb/server/api/openapi.yaml";

    private final Workspace ws;
    private final Web web;
    private final LoginThrottle throttle;

    private ApiRoutes(Workspace ws, Web web, LoginThrottle throttle) {
        this.ws = ws;
        this.web = web;
        this.throttle = throttle;
    }

    // request bodies
    record NewOrganisation(String name) { }

    record NewUser(String username, String password, String role, Long organisationId) { }

    record NewProduct(Long organisationId, String name, String profileYaml) { }

    record ProfileUpdate(String profileYaml) { }

    record NewDeclarations(String yaml, String comment) { }

    record NewReview(String decision, String comment) { }

    record NewToken(String name) { }

    public static void register(JavalinDefaultRoutingApi r, Workspace ws, Web web, LoginThrottle throttle) {
        ApiRoutes api = new ApiRoutes(ws, web, throttle);
        r.get(BASE + "/openapi.yaml", api::openapi);
        r.get(BASE + "/me", api::me);
        r.post(BASE + "/tokens", api::createToken);

        r.get(BASE + "/organisations", ctx -> ctx.json(ws.organisations(web.actor(ctx))));
        r.post(BASE + "/organisations", ctx -> created(ctx, ws.createOrganisation(web.actor(ctx),
                body(ctx, NewOrganisation.class).name())));
        r.get(BASE + "/users", ctx -> ctx.json(ws.users(web.actor(ctx))));
        r.post(BASE + "/users", api::createUser);
        r.get(BASE + "/audit", ctx -> ctx.json(ws.audit(web.actor(ctx), limit(ctx))));

        r.get(BASE + "/products", ctx -> ctx.json(ws.products(web.actor(ctx))));
        r.post(BASE + "/products", api::createProduct);
        r.get(BASE + "/products/{id}", ctx -> ctx.json(ws.product(web.actor(ctx), id(ctx))));
        r.put(BASE + "/products/{id}/profile", ctx -> {
            ws.updateProfile(web.actor(ctx), id(ctx), required(body(ctx, ProfileUpdate.class).profileYaml(), "profileYaml"));
            ctx.status(204);
        });
        r.get(BASE + "/products/{id}/versions", ctx -> ctx.json(ws.versions(web.actor(ctx), id(ctx))));
        r.post(BASE + "/products/{id}/versions", api::upload);
        r.get(BASE + "/products/{id}/assessments", ctx -> ctx.json(ws.assessments(web.actor(ctx), id(ctx))));
        r.get(BASE + "/products/{id}/declarations", api::currentDeclarations);
        r.post(BASE + "/products/{id}/declarations", ctx -> {
            NewDeclarations d = body(ctx, NewDeclarations.class);
            created(ctx, ws.saveDeclarations(web.actor(ctx), id(ctx), required(d.yaml(), "yaml"), d.comment()));
        });
        r.get(BASE + "/products/{id}/declarations/history", ctx -> ctx.json(ws.declarationsHistory(web.actor(ctx), id(ctx))));

        r.post(BASE + "/versions/{id}/reassess", ctx -> accepted(ctx, ws.reassess(web.actor(ctx), id(ctx))));

        r.get(BASE + "/assessments/{id}", ctx -> ctx.json(ws.assessment(web.actor(ctx), id(ctx))));
        r.get(BASE + "/assessments/{id}/events", ctx -> AssessmentEvents.stream(ctx, ws, web.actor(ctx), id(ctx)));
        r.post(BASE + "/assessments/{id}/retry", ctx -> accepted(ctx, ws.retry(web.actor(ctx), id(ctx))));
        r.get(BASE + "/assessments/{id}/assessment", api::assessmentJson);
        r.get(BASE + "/assessments/{id}/reports/{format}", api::report);
        r.get(BASE + "/assessments/{id}/reviews", ctx -> ctx.json(ws.reviews(web.actor(ctx), id(ctx))));
        r.post(BASE + "/assessments/{id}/reviews", ctx -> {
            NewReview review = body(ctx, NewReview.class);
            created(ctx, ws.signOff(web.actor(ctx), id(ctx), required(review.decision(), "decision"), review.comment()));
        });
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI)) {
            ctx.contentType("application/yaml; charset=utf-8").result(in.readAllBytes());
        }
    }

    /** The caller, and for a session the CSRF token its scripts send in X-CSRF-Token. */
    private void me(Context ctx) {
        Actor a = web.actor(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", a.userId());
        out.put("username", a.username());
        out.put("role", a.role());
        out.put("organisationId", a.organisationId());
        if (ctx.header("Authorization") != null || ctx.cookie(Web.SESSION_COOKIE) == null) {
            ctx.json(out);
            return;
        }
        out.put("csrfToken", web.csrfToken(ctx));
        ctx.json(out);
    }

    /**
     * A personal API token for the session's actor, or (for scripts that have no session yet) for the account named
     * by HTTP Basic credentials, checked under the login throttle. Shown once.
     */
    private void createToken(Context ctx) {
        Actor actor = basicCredentials(ctx).orElseGet(() -> web.actor(ctx));
        String name = ctx.body().isBlank() ? null : body(ctx, NewToken.class).name();
        String token = ws.createApiToken(actor, name == null || name.isBlank() ? "api" : name);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("name", name == null || name.isBlank() ? "api" : name);
        out.put("user", actor.username());
        ctx.status(201).json(out);
    }

    private Optional<Actor> basicCredentials(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new BadRequestResponse("malformed Basic credentials");
        }
        Optional<Actor> actor = LoginRoutes.authenticate(ws, throttle, decoded.substring(0, colon),
                decoded.substring(colon + 1), ctx.ip());
        if (actor.isEmpty()) {
            throw new org.iotb.server.security.LoginRequiredException("wrong user name or password");
        }
        return actor;
    }

    private void createUser(Context ctx) {
        NewUser u = body(ctx, NewUser.class);
        Role role;
        try {
            role = Role.of(required(u.role(), "role"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        char[] password = required(u.password(), "password").toCharArray();
        created(ctx, ws.createUser(web.actor(ctx), required(u.username(), "username"), password, role, u.organisationId()));
    }

    private void createProduct(Context ctx) {
        NewProduct p = body(ctx, NewProduct.class);
        if (p.organisationId() == null) {
            throw new InvalidInputException("organisationId is required");
        }
        created(ctx, ws.createProduct(web.actor(ctx), p.organisationId(), required(p.name(), "name"),
                p.profileYaml() == null ? "" : p.profileYaml()));
    }

    /**
     * Multipart: {@code version} (text) and {@code file} (the image). Refused with 413 by its declared length before
     * anything is read when over the limit, else by Jetty's multipart limit or the blob store's count while storing.
     */
    private void upload(Context ctx) throws IOException {
        Actor actor = web.actor(ctx);
        long productId = id(ctx);
        long declared = ctx.req().getContentLengthLong();
        if (declared > web.uploadLimit() + 1024 * 1024) {
            throw new ContentTooLargeResponse("the upload is larger than the limit of " + web.uploadLimit() + " bytes");
        }
        if (ctx.contentType() == null || !ctx.contentType().startsWith("multipart/form-data")) {
            throw new BadRequestResponse("send multipart/form-data with the fields 'version' and 'file'");
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new BadRequestResponse("the multipart field 'file' (the firmware image) is missing");
        }
        if (file.size() > web.uploadLimit()) {
            throw new ContentTooLargeResponse("the upload is larger than the limit of " + web.uploadLimit() + " bytes");
        }
        String version = required(ctx.formParam("version"), "version");
        AssessmentRun run;
        try (InputStream in = file.content()) {
            run = ws.uploadFirmware(actor, productId, version, baseName(file.filename()), in);
        }
        accepted(ctx, run);
    }

    private void currentDeclarations(Context ctx) {
        List<DeclarationsVersion> history = ws.declarationsHistory(web.actor(ctx), id(ctx));
        if (history.isEmpty()) {
            ctx.status(204);
        } else {
            ctx.json(history.get(0));
        }
    }

    private void assessmentJson(Context ctx) throws IOException {
        long id = id(ctx);
        InputStream in = ws.assessmentJson(web.actor(ctx), id);
        ctx.contentType("application/json").result(in);
    }

    private void report(Context ctx) throws IOException {
        long id = id(ctx);
        ReportFormats.Format format = ReportFormats.all().get(ctx.pathParam("format"));
        if (format == null) {
            throw new NotFoundResponse("no such report format; known: " + String.join(", ", ReportFormats.all().keySet()));
        }
        InputStream in = ws.report(web.actor(ctx), id, format.id());
        ctx.contentType(format.contentType());
        // built from the numeric id and the store's table of formats: nothing the client sent reaches the header
        ctx.header("Content-Disposition", "attachment; filename=\"iotb-assessment-" + id + "-" + format.fileName() + "\"");
        // a downloaded HTML report opened from here runs nothing and cannot reach the session
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        ctx.result(in);
    }

    // ---- helpers ----

    /** A numeric path id; anything else (a traversal attempt, a name) is simply not found. */
    static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotFoundResponse("not found");
        }
        return Long.parseLong(raw);
    }

    private static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return 100;
        }
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(raw)));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("limit must be a number");
        }
    }

    static <T> T body(Context ctx, Class<T> type) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new BadRequestResponse("a JSON body is required");
        }
        try {
            return ApiJson.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("malformed JSON: " + e.getOriginalMessage());
        }
    }

    static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name + " is required");
        }
        return value;
    }

    /** The last path segment of a client's file name (kept as a label only), at most 200 characters. */
    static String baseName(String name) {
        if (name == null) {
            return "firmware.bin";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}]", "");
        if (base.isBlank() || base.equals(".") || base.equals("..")) {
            return "firmware.bin";
        }
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static void created(Context ctx, Object value) {
        ctx.status(201).json(value);
    }

    private static void accepted(Context ctx, AssessmentRun run) {
        ctx.header("Location", BASE + "/assessments/" + run.id());
        ctx.status(202).json(run);
    }
}
