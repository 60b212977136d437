package org.iotb.server.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.report.DiffReport;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.FirmwareVersion;
import org.iotb.store.workspace.ForbiddenException;
import org.iotb.store.workspace.InvalidInputException;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.NotFoundException;
import org.iotb.store.workspace.Product;
import org.iotb.store.workspace.ReportFormats;
import org.iotb.store.workspace.Role;
import org.iotb.store.workspace.Workspace;

/**
 * An assessment's page (status and live progress, failure and retry, the report framed, downloads, re-assess,
 * review and sign-off), its status as JSON for the progress script, the report and downloads themselves, and the
 * comparison of two assessments of a product.
 */
final class AssessmentPages {
    private final Workspace workspace;
    private final Pages pages;
    private final AssessmentCache cache;

    AssessmentPages(Workspace workspace, Pages pages, AssessmentCache cache) {
        this.workspace = workspace;
        this.pages = pages;
        this.cache = cache;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/assessments/{id}", this::page);
        routes.get("/assessments/{id}/status", this::status);
        routes.get("/assessments/{id}/report.html", this::report);
        routes.get("/assessments/{id}/download/{format}", this::download);
        routes.post("/assessments/{id}/reassess", this::reassess);
        routes.post("/assessments/{id}/retry", this::retry);
        routes.post("/assessments/{id}/reviews", this::review);
        routes.get("/products/{id}/diff", this::diffPage);
        routes.get("/products/{id}/diff.html", this::diffHtml);
        routes.get("/products/{id}/diff.json", this::diffJson);
    }

    private void page(Context ctx) {
        renderPage(ctx, pages.context(ctx, "Assessment"), PageRoutes.id(ctx, "id"));
    }

    private void renderPage(Context ctx, PageContext page, long id) {
        Actor actor = page.actor();
        AssessmentRun run = workspace.assessment(actor, id);
        Product product = workspace.product(actor, run.productId());
        FirmwareVersion version = workspace.versions(actor, product.id()).stream()
                .filter(v -> v.id() == run.firmwareVersionId()).findFirst().orElse(null);
        boolean done = run.status() == JobStatus.DONE;
        AssessmentView view = new AssessmentView(run, product, version, done ? workspace.reviews(actor, id) : List.of(),
                done && actor.role() == Role.REVIEWER);
        PageContext titled = new PageContext("Assessment " + id + " · " + product.name(), actor, page.csrf(), page.error(), page.notice());
        pages.render(ctx, "assessment.jte", titled, view);
    }

    /** What the progress script polls: status, stage, progress (0-100 or null) and, when failed, why. */
    private void status(Context ctx) {
        AssessmentRun run = workspace.assessment(pages.web().actor(ctx), PageRoutes.id(ctx, "id"));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", run.id());
        s.put("status", run.status().id());
        s.put("stage", run.stage());
        s.put("progress", run.progress());
        s.put("statusDetail", run.statusDetail());
        ctx.json(s);
    }

    /** The HTML report of iotb-report as it is, with a policy of its own so its filter script runs (framed). */
    private void report(Context ctx) throws IOException {
        String html;
        try (InputStream in = workspace.report(pages.web().actor(ctx), PageRoutes.id(ctx, "id"), "html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        framed(ctx, html);
    }

    static void framed(Context ctx, String html) {
        ctx.header("Content-Security-Policy", FramedDocument.policy(html));
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private void download(Context ctx) throws IOException {
        Actor actor = pages.web().actor(ctx);
        long id = PageRoutes.id(ctx, "id");
        // the format is looked up in the workspace's list; anything else names no report (no request names a file)
        ReportFormats.Format f = ReportFormats.all().get(ctx.pathParam("format"));
        if (f == null) {
            throw new NotFoundException("report format");
        }
        InputStream in = f.id().equals("json") ? workspace.assessmentJson(actor, id) : workspace.report(actor, id, f.id());
        ctx.header("Content-Disposition", "attachment; filename=\"assessment-" + id + "-" + f.fileName() + "\"");
        // a downloaded HTML file opened from the server still must not run anything in the workspace's origin
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
        ctx.contentType(f.contentType()).result(in);
    }

    private void reassess(Context ctx) {
        PageContext page = pages.context(ctx, "Assessment");
        long id = PageRoutes.id(ctx, "id");
        AssessmentRun run = workspace.assessment(page.actor(), id);
        act(ctx, page, id, () -> "/assessments/" + workspace.reassess(page.actor(), run.firmwareVersionId()).id());
    }

    private void retry(Context ctx) {
        PageContext page = pages.context(ctx, "Assessment");
        long id = PageRoutes.id(ctx, "id");
        act(ctx, page, id, () -> "/assessments/" + workspace.retry(page.actor(), id).id());
    }

    private void review(Context ctx) {
        PageContext page = pages.context(ctx, "Assessment");
        long id = PageRoutes.id(ctx, "id");
        String decision = ctx.formParam("decision");
        String comment = ctx.formParam("comment");
        act(ctx, page, id, () -> {
            if (decision == null) {
                throw new InvalidInputException("choose approve or reject");
            }
            workspace.signOff(page.actor(), id, decision, comment == null ? "" : comment.strip());
            return "/assessments/" + id + "#review";
        });
    }

    /** Runs a change; on success follows it, on a refusal shows the assessment again with the reason. */
    private void act(Context ctx, PageContext page, long id, java.util.function.Supplier<String> change) {
        try {
            ctx.redirect(change.get(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | ForbiddenException e) {
            ctx.status(e instanceof ForbiddenException ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST);
            renderPage(ctx, page.withError(e.getMessage()), id);
        }
    }

    // ---- the comparison of two assessments

    private record Pair(Product product, AssessmentRun from, AssessmentRun to, DiffReport.Diff diff, String fromLabel, String toLabel) {
    }

    private Pair pair(Context ctx) throws IOException {
        Actor actor = pages.web().actor(ctx);
        Product product = workspace.product(actor, PageRoutes.id(ctx, "id"));
        AssessmentRun from = run(actor, product, ctx.queryParam("from"));
        AssessmentRun to = run(actor, product, ctx.queryParam("to"));
        List<FirmwareVersion> versions = workspace.versions(actor, product.id());
        String fromLabel = label(versions, from);
        String toLabel = label(versions, to);
        Assessment a = cache.of(actor, from);
        Assessment b = cache.of(actor, to);
        DiffReport.Diff d = DiffReport.compare(a, b);
        // each side by its version and run, so two runs of one version are told apart as well
        d = new DiffReport.Diff(product.name() + " " + fromLabel, product.name() + " " + toLabel, d.oldCreatedAt(),
                d.newCreatedAt(), d.oldInputs(), d.newInputs(), d.standards());
        return new Pair(product, from, to, d, fromLabel, toLabel);
    }

    /** A finished run of this product named by a query parameter; anything else is a 404. */
    private AssessmentRun run(Actor actor, Product product, String id) {
        long n;
        try {
            n = Long.parseLong(id == null ? "" : id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("assessment");
        }
        AssessmentRun r = workspace.assessment(actor, n);
        if (r.productId() != product.id()) {
            throw new NotFoundException("assessment");
        }
        if (r.status() != JobStatus.DONE) {
            throw new InvalidInputException("assessment " + n + " has not finished: only finished assessments can be compared");
        }
        return r;
    }

    private static String label(List<FirmwareVersion> versions, AssessmentRun r) {
        return versions.stream().filter(v -> v.id() == r.firmwareVersionId()).map(FirmwareVersion::version).findFirst().orElse("?")
                + " (assessment " + r.id() + ")";
    }

    private void diffPage(Context ctx) throws IOException {
        PageContext page = pages.context(ctx, "Compare");
        Pair p = pair(ctx);
        int fixed = p.diff().standards().stream().mapToInt(s -> s.fixed().size()).sum();
        int broke = p.diff().standards().stream().mapToInt(s -> s.broke().size()).sum();
        PageContext titled = new PageContext("Compare " + p.fromLabel() + " and " + p.toLabel(), page.actor(), page.csrf(), null, null);
        pages.render(ctx, "diff.jte", titled, new DiffView(p.product(), p.from(), p.to(), p.fromLabel(), p.toLabel(), fixed, broke,
                p.diff().changes()));
    }

    private void diffHtml(Context ctx) throws IOException {
        framed(ctx, DiffReport.html(pair(ctx).diff()));
    }

    private void diffJson(Context ctx) throws IOException {
        ctx.contentType("application/json").result(DiffReport.json(pair(ctx).diff()));
    }
}
