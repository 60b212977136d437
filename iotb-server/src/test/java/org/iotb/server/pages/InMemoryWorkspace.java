package org.iotb.server.pages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.pipeline.AssessmentPipeline;
import org.iotb.pipeline.AssessmentRequest;
import org.iotb.pipeline.PipelineListener;
import org.iotb.report.HtmlReport;
import org.iotb.report.JUnitReport;
import org.iotb.report.OscalReport;
import org.iotb.report.PdfReport;
import org.iotb.report.SarifReport;
import org.iotb.report.ics.IcsWriter;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.AuditEntry;
import org.iotb.store.workspace.DeclarationsVersion;
import org.iotb.store.workspace.FirmwareVersion;
import org.iotb.store.workspace.ForbiddenException;
import org.iotb.store.workspace.InvalidInputException;
import org.iotb.store.workspace.JobStatus;
import org.iotb.store.workspace.NotFoundException;
import org.iotb.store.workspace.Organisation;
import org.iotb.store.workspace.Product;
import org.iotb.store.workspace.ProductStanding;
import org.iotb.store.workspace.Review;
import org.iotb.store.workspace.Role;
import org.iotb.store.workspace.User;
import org.iotb.store.workspace.Workspace;

/**
 * A Workspace kept in memory for the pages' tests: the same rules as the database one where the pages can tell
 * (a client-viewer sees only their organisation, readers cannot change anything, a reviewer cannot sign off a run
 * they started) and real assessments: an upload runs the real {@link AssessmentPipeline} on one background thread
 * with the product's profile and current declarations, so the pages show real reports, verdicts and diffs. Passwords
 * are compared in plain text: this is test support, never a server's store.
 */
final class InMemoryWorkspace implements Workspace {
    private final Path dir;
    private final Catalog catalog = Catalog.load();
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "in-memory-assess");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<Long, Organisation> orgs = new ConcurrentHashMap<>();
    private final Map<Long, Product> products = new ConcurrentHashMap<>();
    private final Map<Long, FirmwareVersion> versions = new ConcurrentHashMap<>();
    private final Map<Long, AssessmentRun> runs = new ConcurrentHashMap<>();
    private final Map<Long, String> runBy = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<Long, DeclarationsVersion> declarations = new ConcurrentHashMap<>();
    private final Map<Long, Review> reviews = new ConcurrentHashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    InMemoryWorkspace(Path dir) {
        this.dir = dir;
    }

    // ---- accounts

    @Override
    public Optional<Actor> authenticate(String username, char[] password) {
        String p = passwords.get(username);
        if (p == null || !p.equals(new String(password))) {
            return Optional.empty();
        }
        User u = users.values().stream().filter(x -> x.username().equals(username)).findFirst().orElseThrow();
        return Optional.of(new Actor(u.id(), u.username(), u.role(), u.organisationId()));
    }

    @Override
    public synchronized User createUser(Actor by, String username, char[] password, Role role, Long organisationId) {
        requireRole(by, Role.ADMIN);
        if (username.isBlank() || passwords.containsKey(username)) {
            throw new InvalidInputException("the user name is empty or taken");
        }
        if (password.length < 12) {
            throw new InvalidInputException("the password needs at least 12 characters");
        }
        if (role == Role.CLIENT_VIEWER && organisationId == null) {
            throw new InvalidInputException("a client-viewer needs an organisation");
        }
        User u = new User(ids.incrementAndGet(), username, role, organisationId, Instant.now());
        users.put(u.id(), u);
        passwords.put(username, new String(password));
        audit(by, "user.create", "user " + username, role.id());
        return u;
    }

    @Override
    public List<User> users(Actor by) {
        requireRole(by, Role.ADMIN);
        return users.values().stream().sorted(Comparator.comparing(User::username)).toList();
    }

    @Override
    public synchronized boolean bootstrapAdmin(String username, char[] password) {
        if (!users.isEmpty()) {
            return false;
        }
        User u = new User(ids.incrementAndGet(), username, Role.ADMIN, null, Instant.now());
        users.put(u.id(), u);
        passwords.put(username, new String(password));
        return true;
    }

    @Override
    public Organisation createOrganisation(Actor by, String name) {
        requireRole(by, Role.ADMIN);
        if (name.isBlank()) {
            throw new InvalidInputException("an organisation needs a name");
        }
        Organisation o = new Organisation(ids.incrementAndGet(), name);
        orgs.put(o.id(), o);
        audit(by, "organisation.create", "organisation " + name, "");
        return o;
    }

    @Override
    public List<Organisation> organisations(Actor by) {
        return orgs.values().stream().filter(o -> sees(by, o.id())).sorted(Comparator.comparing(Organisation::name)).toList();
    }

    // ---- products

    @Override
    public Product createProduct(Actor by, long organisationId, String name, String profileYaml) {
        requireEditor(by);
        if (!orgs.containsKey(organisationId)) {
            throw new InvalidInputException("no such organisation");
        }
        if (name.isBlank()) {
            throw new InvalidInputException("a product needs a name");
        }
        try {
            ProfileLoader.parse(profileYaml, "the profile", catalog);
        } catch (RuntimeException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Product p = new Product(ids.incrementAndGet(), organisationId, name, profileYaml, Instant.now());
        products.put(p.id(), p);
        audit(by, "product.create", "product " + name, "");
        return p;
    }

    @Override
    public List<ProductStanding> products(Actor by) {
        List<ProductStanding> out = new ArrayList<>();
        for (Product p : products.values().stream().sorted(Comparator.comparing(Product::name)).toList()) {
            if (!sees(by, p.organisationId())) {
                continue;
            }
            FirmwareVersion latest = versions.values().stream().filter(v -> v.productId() == p.id())
                    .max(Comparator.comparingLong(FirmwareVersion::id)).orElse(null);
            AssessmentRun run = latest == null ? null : runs.values().stream().filter(r -> r.firmwareVersionId() == latest.id())
                    .max(Comparator.comparingLong(AssessmentRun::id)).orElse(null);
            out.add(new ProductStanding(p, latest, run));
        }
        return out;
    }

    @Override
    public Product product(Actor by, long productId) {
        Product p = products.get(productId);
        if (p == null || !sees(by, p.organisationId())) {
            throw new NotFoundException("product " + productId);
        }
        return p;
    }

    @Override
    public void updateProfile(Actor by, long productId, String profileYaml) {
        requireEditor(by);
        Product p = product(by, productId);
        products.put(p.id(), new Product(p.id(), p.organisationId(), p.name(), profileYaml, p.createdAt()));
    }

    @Override
    public AssessmentRun uploadFirmware(Actor by, long productId, String version, String fileName, InputStream image) throws IOException {
        requireEditor(by);
        product(by, productId);
        if (version.isBlank()) {
            throw new InvalidInputException("a version is needed");
        }
        byte[] bytes = image.readAllBytes();
        String sha = sha256(bytes);
        blobs.put(sha, bytes);
        FirmwareVersion v = new FirmwareVersion(ids.incrementAndGet(), productId, version, fileName, sha, bytes.length,
                by.username(), Instant.now());
        versions.put(v.id(), v);
        return enqueue(by, v);
    }

    @Override
    public List<FirmwareVersion> versions(Actor by, long productId) {
        product(by, productId);
        return versions.values().stream().filter(v -> v.productId() == productId)
                .sorted(Comparator.comparingLong(FirmwareVersion::id).reversed()).toList();
    }

    // ---- assessments

    @Override
    public List<AssessmentRun> assessments(Actor by, long productId) {
        product(by, productId);
        return runs.values().stream().filter(r -> r.productId() == productId)
                .sorted(Comparator.comparingLong(AssessmentRun::id).reversed()).toList();
    }

    @Override
    public AssessmentRun assessment(Actor by, long assessmentId) {
        AssessmentRun r = runs.get(assessmentId);
        if (r == null) {
            throw new NotFoundException("assessment " + assessmentId);
        }
        product(by, r.productId());
        return r;
    }

    @Override
    public AssessmentRun reassess(Actor by, long firmwareVersionId) {
        requireEditor(by);
        FirmwareVersion v = versions.get(firmwareVersionId);
        if (v == null) {
            throw new NotFoundException("firmware version " + firmwareVersionId);
        }
        product(by, v.productId());
        return enqueue(by, v);
    }

    @Override
    public AssessmentRun retry(Actor by, long assessmentId) {
        AssessmentRun r = assessment(by, assessmentId);
        return reassess(by, r.firmwareVersionId());
    }

    @Override
    public InputStream assessmentJson(Actor by, long assessmentId) {
        AssessmentRun r = assessment(by, assessmentId);
        if (r.assessmentSha256() == null) {
            throw new NotFoundException("assessment JSON of run " + assessmentId);
        }
        return new ByteArrayInputStream(blobs.get(r.assessmentSha256()));
    }

    @Override
    public InputStream report(Actor by, long assessmentId, String format) throws IOException {
        Assessment a;
        try (InputStream in = assessmentJson(by, assessmentId)) {
            a = Assessment.read(in);
        }
        String text = switch (format) {
            case "html" -> HtmlReport.render(a);
            case "sarif" -> SarifReport.render(a);
            case "junit" -> JUnitReport.render(a);
            case "oscal" -> OscalReport.render(a);
            case "json" -> a.toJson();
            case "ics-csv" -> a.conformance().isEmpty() ? "" : IcsWriter.csv(a.conformance().get(0));
            case "ics-html" -> a.conformance().isEmpty() ? "" : IcsWriter.html(a, a.conformance().get(0));
            case "pdf" -> null;
            default -> throw new NotFoundException("report format " + format);
        };
        return new ByteArrayInputStream(text == null ? PdfReport.render(a) : text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- declarations

    @Override
    public synchronized DeclarationsVersion saveDeclarations(Actor by, long productId, String yaml, String comment) {
        requireEditor(by);
        product(by, productId);
        try {
            DeclarationsLoader.parse(yaml, "the declarations", catalog);
        } catch (RuntimeException e) {
            throw new InvalidInputException(e.getMessage());
        }
        int number = declarationsHistory(by, productId).size() + 1;
        DeclarationsVersion d = new DeclarationsVersion(ids.incrementAndGet(), productId, number, yaml, by.username(), comment,
                Instant.now());
        declarations.put(d.id(), d);
        audit(by, "declarations.save", "product " + productId, "revision " + number + ": " + comment);
        return d;
    }

    @Override
    public List<DeclarationsVersion> declarationsHistory(Actor by, long productId) {
        product(by, productId);
        return declarations.values().stream().filter(d -> d.productId() == productId)
                .sorted(Comparator.comparingInt(DeclarationsVersion::number).reversed()).toList();
    }

    // ---- review and audit

    @Override
    public Review signOff(Actor by, long assessmentId, String decision, String comment) {
        requireRole(by, Role.REVIEWER);
        AssessmentRun r = assessment(by, assessmentId);
        if (by.username().equals(runBy.get(assessmentId))) {
            throw new ForbiddenException("a reviewer may not sign off an assessment they started");
        }
        if (!decision.equals("approved") && !decision.equals("rejected")) {
            throw new InvalidInputException("decision is approved or rejected");
        }
        Review v = new Review(ids.incrementAndGet(), assessmentId, by.username(), decision, comment, Instant.now());
        reviews.put(v.id(), v);
        runs.put(r.id(), with(r, r.status(), r.stage(), r.progress(), r.statusDetail(), r.failedMandatory(), r.assessmentSha256(),
                decision, r.startedAt(), r.finishedAt()));
        audit(by, "assessment.signoff", "assessment " + assessmentId, decision);
        return v;
    }

    @Override
    public List<Review> reviews(Actor by, long assessmentId) {
        assessment(by, assessmentId);
        return reviews.values().stream().filter(r -> r.assessmentId() == assessmentId)
                .sorted(Comparator.comparingLong(Review::id).reversed()).toList();
    }

    @Override
    public synchronized List<AuditEntry> audit(Actor by, int limit) {
        List<AuditEntry> out = new ArrayList<>(audit);
        java.util.Collections.reverse(out);
        return out.subList(0, Math.min(limit, out.size()));
    }

    @Override
    public void close() {
        jobs.shutdownNow();
    }

    // ---- the background job

    private AssessmentRun enqueue(Actor by, FirmwareVersion v) {
        List<DeclarationsVersion> history = declarations.values().stream().filter(d -> d.productId() == v.productId())
                .sorted(Comparator.comparingInt(DeclarationsVersion::number).reversed()).toList();
        DeclarationsVersion decl = history.isEmpty() ? null : history.get(0);
        AssessmentRun run = new AssessmentRun(ids.incrementAndGet(), v.productId(), v.id(), decl == null ? null : decl.id(),
                JobStatus.QUEUED, null, null, null, null, null, null, null, null, Instant.now(), null, null);
        runs.put(run.id(), run);
        runBy.put(run.id(), by.username());
        jobs.submit(() -> execute(run.id(), v, decl));
        return run;
    }

    private void execute(long id, FirmwareVersion v, DeclarationsVersion decl) {
        AssessmentRun r0 = runs.get(id);
        runs.put(id, with(r0, JobStatus.RUNNING, "starting", 0, null, null, null, null, Instant.now(), null));
        try {
            Path work = Files.createTempDirectory(dir, "run");
            Path profile = Files.writeString(work.resolve("profile.yaml"), products.get(v.productId()).profileYaml());
            Path declFile = decl == null ? null : Files.writeString(work.resolve("declarations.yaml"), decl.yaml());
            Path image = Files.write(work.resolve(v.fileName()), blobs.get(v.sha256()));
            int[] stages = {0};
            Assessment a = new AssessmentPipeline(catalog).run(new AssessmentRequest(profile, declFile, List.of(image), List.of(),
                    null, null, null), new PipelineListener() {
                        @Override
                        public void stageStarted(String stage) {
                            AssessmentRun r = runs.get(id);
                            stages[0]++;
                            runs.put(id, with(r, JobStatus.RUNNING, stage, Math.min(90, stages[0] * 15), null, null, null, null,
                                    r.startedAt(), null));
                        }

                        @Override
                        public void progress(String status) {
                        }

                        @Override
                        public void stageDone(String summary) {
                        }
                    });
            byte[] json = a.toJson().getBytes(StandardCharsets.UTF_8);
            String sha = sha256(json);
            blobs.put(sha, json);
            Map<String, Integer> failed = new LinkedHashMap<>();
            for (StandardSummary s : a.summary()) {
                failed.put(s.standard(), (int) a.verdictsOf(s.standard()).stream()
                        .filter(x -> x.mandatory() && x.verdict() == org.iotb.assess.VerdictValue.FAIL).count());
            }
            AssessmentRun r = runs.get(id);
            runs.put(id, with(r, JobStatus.DONE, null, 100, null, failed, sha, null, r.startedAt(), Instant.now()));
        } catch (Exception | Error e) {
            AssessmentRun r = runs.get(id);
            runs.put(id, with(r, JobStatus.FAILED, null, null, e.toString(), null, null, null, r.startedAt(), Instant.now()));
        }
    }

    private static AssessmentRun with(AssessmentRun r, JobStatus status, String stage, Integer progress, String detail,
                                      Map<String, Integer> failed, String sha, String review, Instant started, Instant finished) {
        return new AssessmentRun(r.id(), r.productId(), r.firmwareVersionId(), r.declarationsVersionId(), status, stage, progress,
                detail, "test", null, failed, sha, review, r.queuedAt(), started, finished);
    }

    // ---- rules

    private static boolean sees(Actor by, long organisationId) {
        return by.role() != Role.CLIENT_VIEWER || (by.organisationId() != null && by.organisationId() == organisationId);
    }

    private static void requireRole(Actor by, Role role) {
        if (by.role() != role) {
            throw new ForbiddenException("only a " + role.id() + " may do this");
        }
    }

    private static void requireEditor(Actor by) {
        if (by.role() != Role.ASSESSOR && by.role() != Role.ADMIN) {
            throw new ForbiddenException("only an assessor may change products");
        }
    }

    private synchronized void audit(Actor by, String action, String subject, String detail) {
        audit.add(new AuditEntry(audit.size() + 1, Instant.now(), by.username(), action, subject, detail));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static char[] chars(String s) {
        return Arrays.copyOf(s.toCharArray(), s.length());
    }
}
