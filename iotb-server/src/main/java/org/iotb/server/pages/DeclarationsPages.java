package org.iotb.server.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.Standard;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.DeclarationsVersion;
import org.iotb.store.workspace.InvalidInputException;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.Product;
import org.iotb.store.workspace.Workspace;

/**
 * The declarations editor of a product: each question of `iotb declarations init` with its answer and the latest
 * assessment's evidence beside it; saving writes a new revision (the workspace validates and audits it) with the
 * comment; the history says who saved which revision and which answers it changed.
 */
final class DeclarationsPages {
    private final Workspace workspace;
    private final Pages pages;
    private final AssessmentCache cache;

    DeclarationsPages(Workspace workspace, Pages pages, AssessmentCache cache) {
        this.workspace = workspace;
        this.pages = pages;
        this.cache = cache;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/products/{id}/declarations", this::page);
        routes.post("/products/{id}/declarations", this::save);
    }

    private void page(Context ctx) throws IOException {
        PageContext page = pages.context(ctx, "Declarations");
        String saved = ctx.queryParam("saved");
        render(ctx, saved == null ? page : page.withNotice("Saved revision " + saved.replaceAll("[^0-9]", "")
                + ". Re-assess a version to see its verdicts follow the new answers."), PageRoutes.id(ctx, "id"));
    }

    private record State(Product product, Profile profile, List<DeclarationsVersion> history, Declarations current,
                         AssessmentRun evidenceFrom, Assessment evidence) {
    }

    private State state(Actor actor, long id) throws IOException {
        Catalog catalog = Catalog.load();
        Product product = workspace.product(actor, id);
        Profile profile;
        try {
            profile = ProfileLoader.parse(product.profileYaml(), "the product profile", catalog);
        } catch (CatalogException e) {
            throw new InvalidInputException("the product's profile does not read: " + e.getMessage());
        }
        List<DeclarationsVersion> history = workspace.declarationsHistory(actor, id);
        Declarations current = history.isEmpty() ? Declarations.NONE
                : DeclarationsLoader.parse(history.get(0).yaml(), "revision " + history.get(0).number(), catalog);
        AssessmentRun latest = workspace.assessments(actor, id).stream().filter(r -> r.status() == JobStatus.DONE)
                .findFirst().orElse(null);
        return new State(product, profile, history, current, latest, latest == null ? null : cache.of(actor, latest));
    }

    private void render(Context ctx, PageContext page, long id) throws IOException {
        Catalog catalog = Catalog.load();
        State s = state(page.actor(), id);
        List<DeclarationsView.Revision> revisions = new ArrayList<>();
        for (int i = 0; i < s.history().size(); i++) {
            String before = i + 1 < s.history().size() ? s.history().get(i + 1).yaml() : null;
            revisions.add(new DeclarationsView.Revision(s.history().get(i),
                    DeclarationsChanges.between(before, s.history().get(i).yaml(), catalog)));
        }
        PageContext titled = new PageContext("Declarations · " + s.product().name(), page.actor(), page.csrf(), page.error(), page.notice());
        pages.render(ctx, "declarations.jte", titled, new DeclarationsView(s.product(),
                DeclarationQuestions.of(catalog, s.profile(), s.current(), s.evidence()), s.evidenceFrom(), revisions));
    }

    private void save(Context ctx) throws IOException {
        PageContext page = pages.context(ctx, "Declarations");
        long id = PageRoutes.id(ctx, "id");
        Catalog catalog = Catalog.load();
        State s = state(page.actor(), id);
        List<DeclarationsYaml.Answer> answers = new ArrayList<>();
        for (DeclarationQuestions.Question q : DeclarationQuestions.of(catalog, s.profile(), s.current(), null)) {
            String support = ctx.formParam(q.field() + "-support");
            if (support == null) {
                continue; // not in the form: the answer stays as it was
            }
            String evidence = ctx.formParam(q.field() + "-evidence");
            answers.add(new DeclarationsYaml.Answer(q.standardId(), q.requirementId(), support.strip(), ctx.formParam(q.field() + "-detail"),
                    evidence == null ? List.of() : Arrays.stream(evidence.split("\\R")).map(String::strip).filter(e -> !e.isEmpty()).toList()));
        }
        String yaml = DeclarationsYaml.write(s.current(), answers, catalog.standards().stream().map(Standard::id).toList());
        String comment = ctx.formParam("comment");
        try {
            DeclarationsVersion v = workspace.saveDeclarations(page.actor(), id, yaml, comment == null ? "" : comment.strip());
            ctx.redirect("/products/" + id + "/declarations?saved=" + v.number(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, page.withError("Not saved: " + e.getMessage()), id);
        }
    }
}
