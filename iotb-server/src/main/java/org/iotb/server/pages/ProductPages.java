package org.iotb.server.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.DeclarationsVersion;
import org.iotb.store.workspace.InvalidInputException;
import org.iotb.store.workspace.Organisation;
import org.iotb.store.workspace.Product;
import org.iotb.store.workspace.ProductStanding;
import org.iotb.store.workspace.Workspace;

/** The product list (with the new-product form) and a product's page (versions, trend, upload, compare). */
final class ProductPages {
    /** A profile is a page of YAML; a larger "profile" upload is a mistake, refused before it is read whole. */
    private static final int PROFILE_LIMIT = 256 * 1024;

    private final Workspace workspace;
    private final Pages pages;

    ProductPages(Workspace workspace, Pages pages) {
        this.workspace = workspace;
        this.pages = pages;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/", this::list);
        routes.post("/products", this::create);
        routes.get("/products/{id}", this::product);
        routes.get("/products/{id}/profile.yaml", this::profile);
        routes.post("/products/{id}/versions", this::upload);
    }

    private void list(Context ctx) {
        renderList(ctx, pages.context(ctx, "Products"), null, null, null);
    }

    private void renderList(Context ctx, PageContext page, String name, Long organisation, String profile) {
        Actor actor = page.actor();
        List<Organisation> orgs = workspace.organisations(actor);
        Map<Long, String> names = new HashMap<>();
        orgs.forEach(o -> names.put(o.id(), o.name()));
        List<ProductListView.Row> rows = workspace.products(actor).stream()
                .map((ProductStanding s) -> new ProductListView.Row(s, names.getOrDefault(s.product().organisationId(), "")))
                .toList();
        pages.render(ctx, "products.jte", page, new ProductListView(rows, StandardNames.catalog(), orgs, name, organisation, profile));
    }

    private void create(Context ctx) throws IOException {
        PageContext page = pages.context(ctx, "Products");
        String name = ctx.formParam("name");
        String profile = ctx.formParam("profile");
        Long organisation = null;
        try {
            organisation = Long.valueOf(ctx.formParam("organisation"));
            UploadedFile file = ctx.uploadedFile("profileFile");
            if (file != null && file.size() > 0) {
                if (file.size() > PROFILE_LIMIT) {
                    throw new InvalidInputException("the profile file is larger than " + PROFILE_LIMIT / 1024 + " KiB");
                }
                try (InputStream in = file.content()) {
                    profile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            if (profile == null || profile.isBlank()) {
                throw new InvalidInputException("give the product profile: paste it or upload the file (iotb profile init writes one)");
            }
            Product p = workspace.createProduct(page.actor(), organisation, name == null ? "" : name.strip(), profile);
            ctx.redirect("/products/" + p.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            String message = e instanceof NumberFormatException ? "choose an organisation" : e.getMessage();
            renderList(ctx, page.withError("The product was not created: " + message), name, organisation, profile);
        }
    }

    private void product(Context ctx) {
        renderProduct(ctx, pages.context(ctx, "Product"), PageRoutes.id(ctx, "id"));
    }

    private void renderProduct(Context ctx, PageContext page, long id) {
        Actor actor = page.actor();
        Product p = workspace.product(actor, id);
        String org = workspace.organisations(actor).stream().filter(o -> o.id() == p.organisationId()).map(Organisation::name)
                .findFirst().orElse("");
        List<DeclarationsVersion> history = workspace.declarationsHistory(actor, id);
        List<AssessmentRun> runs = workspace.assessments(actor, id);
        PageContext titled = new PageContext(p.name(), actor, page.csrf(), page.error(), page.notice());
        pages.render(ctx, "product.jte", titled, ProductView.of(p, org, workspace.versions(actor, id), runs,
                history.isEmpty() ? 0 : history.get(0).number(), StandardNames.catalog()));
    }

    private void profile(Context ctx) {
        Product p = workspace.product(pages.web().actor(ctx), PageRoutes.id(ctx, "id"));
        ctx.contentType("text/plain; charset=utf-8").result(p.profileYaml());
    }

    private void upload(Context ctx) throws IOException {
        PageContext page = pages.context(ctx, "Product");
        long id = PageRoutes.id(ctx, "id");
        UploadedFile file = ctx.uploadedFile("image");
        try {
            if (file == null || file.size() == 0) {
                throw new InvalidInputException("choose a firmware image to upload");
            }
            String version = ctx.formParam("version");
            AssessmentRun run;
            try (InputStream in = file.content()) {
                run = workspace.uploadFirmware(page.actor(), id, version == null ? "" : version.strip(), baseName(file.filename()), in);
            }
            ctx.redirect("/assessments/" + run.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderProduct(ctx, page.withError("The firmware was not uploaded: " + e.getMessage()), id);
        }
    }

    /** The file's own name, without any folder a browser or a hostile client put in front of it. */
    static String baseName(String name) {
        if (name == null) {
            return "firmware.bin";
        }
        String n = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return n.isEmpty() || n.equals(".") || n.equals("..") ? "firmware.bin" : n;
    }
}
