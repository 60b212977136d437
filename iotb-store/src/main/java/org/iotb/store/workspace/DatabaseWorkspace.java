package org.iotb.store.workspace;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iotb.assess.Assessment;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.model.Sha256;
import org.iotb.pipeline.DeclarationEvidence;
import org.iotb.report.ReportWriter;
import org.iotb.report.ics.IcsWriter;
import org.iotb.assess.conformance.ConformanceStatement;
import org.iotb.store.accounts.Passwords;
import org.iotb.store.audit.AuditLog;
import org.iotb.store.blob.BlobRows;
import org.iotb.store.blob.BlobStore;
import org.iotb.store.db.Database;
import org.iotb.store.jobs.JobQueue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@link Workspace} on the database: every call re-reads the actor's role and organisation (a changed account
 * takes effect at once), decides what the actor may see (a client-viewer: only their organisation, everything else
 * is "not found") and do (roles as {@link Role} says), and writes its change and the audit entry in one transaction.
 * Long work is never done here: an upload stores the image and enqueues its run ({@link JobQueue}).
 *
 * <p>The caller owns the database, blob store and queue it passes in, and closes them; {@link #close()} does nothing.
 */
public final class DatabaseWorkspace implements Workspace {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final int MAX_NAME = 200;
    private static final int MAX_YAML = 4 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final BlobStore blobs;
    private final JobQueue.Enqueuer queue;
    private final WorkspaceSettings settings;
    private final Passwords passwords;

    public DatabaseWorkspace(Database db, BlobStore blobs, JobQueue.Enqueuer queue, WorkspaceSettings settings) {
        this.db = db;
        this.blobs = blobs;
        this.queue = queue;
        this.settings = settings;
        this.passwords = new Passwords(settings.bcryptCost());
    }

    public Database database() {
        return db;
    }

    // ---- accounts ----

    @Override
    public Optional<Actor> authenticate(String username, char[] password) {
        record Row(Actor actor, String hash) {
        }
        Optional<Row> row = username == null ? Optional.empty() : db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id, username, role, organisation_id, password_hash FROM users WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Row(actor(rs), rs.getString("password_hash")))
                .findOne());
        boolean ok = passwords.verify(password, row.map(Row::hash).orElse(null));
        return ok ? row.map(Row::actor) : Optional.empty();
    }

    @Override
    public User createUser(Actor by, String username, char[] password, Role role, Long organisationId) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("a user name is 1-64 letters, digits, '.', '_', '@' or '-'");
        }
        if (role == null) {
            throw new InvalidInputException("a user needs a role");
        }
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
        if (role == Role.CLIENT_VIEWER && organisationId == null) {
            throw new InvalidInputException("a client-viewer belongs to an organisation");
        }
        requireRole(current(by), Role.ADMIN);
        String hash = passwords.hash(password); // slow on purpose: outside the transaction
        return db.jdbi().inTransaction(h -> {
            Actor me = requireRole(current(h, by), Role.ADMIN);
            if (organisationId != null && !exists(h, "organisations", organisationId)) {
                throw new InvalidInputException("no organisation " + organisationId);
            }
            if (h.createQuery("SELECT COUNT(*) FROM users WHERE username = :u").bind("u", username).mapTo(Integer.class).one() > 0) {
                throw new InvalidInputException("the user name " + username + " is taken");
            }
            long id = insertUser(h, username, hash, role, organisationId);
            AuditLog.append(h, me, "user.create", "user " + username, "role " + role.id()
                    + (organisationId == null ? "" : ", organisation " + organisationId), organisationId, null);
            return user(h, id);
        });
    }

    @Override
    public List<User> users(Actor by) {
        return db.jdbi().withHandle(h -> {
            Actor me = current(h, by);
            String where = me.role() == Role.ADMIN ? "" : " WHERE id = :me";
            return h.createQuery("SELECT id, username, role, organisation_id, created_at FROM users" + where + " ORDER BY username")
                    .bind("me", me.userId()).map(DatabaseWorkspace::userRow).list();
        });
    }

    @Override
    public boolean bootstrapAdmin(String username, char[] password) {
        if (username == null || !USERNAME.matcher(username).matches() || Passwords.problem(password) != null) {
            throw new InvalidInputException("the first admin needs a valid name and a password of at least "
                    + Passwords.MIN_LENGTH + " characters");
        }
        if (db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one()) > 0) {
            return false;
        }
        String hash = passwords.hash(password);
        return db.jdbi().inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one() > 0) {
                return false;
            }
            insertUser(h, username, hash, Role.ADMIN, null);
            AuditLog.append(h, null, "user.create", "user " + username, "first admin (bootstrap)", null, null);
            return true;
        });
    }

    @Override
    public Organisation createOrganisation(Actor by, String name) {
        String n = name(name, "an organisation");
        return db.jdbi().inTransaction(h -> {
            Actor me = requireRole(current(h, by), Role.ADMIN);
            if (h.createQuery("SELECT COUNT(*) FROM organisations WHERE name = :n").bind("n", n).mapTo(Integer.class).one() > 0) {
                throw new InvalidInputException("an organisation named " + n + " exists");
            }
            long id = h.createUpdate("INSERT INTO organisations (name, created_at) VALUES (:n, :now)")
                    .bind("n", n).bind("now", now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            AuditLog.append(h, me, "organisation.create", "organisation " + id, n, id, null);
            return new Organisation(id, n);
        });
    }

    @Override
    public List<Organisation> organisations(Actor by) {
        return db.jdbi().withHandle(h -> {
            Actor me = current(h, by);
            String where = me.role() == Role.CLIENT_VIEWER ? " WHERE id = :org" : "";
            return h.createQuery("SELECT id, name FROM organisations" + where + " ORDER BY name")
                    .bind("org", me.organisationId())
                    .map((rs, ctx) -> new Organisation(rs.getLong("id"), rs.getString("name"))).list();
        });
    }

    // ---- products and firmware ----

    @Override
    public Product createProduct(Actor by, long organisationId, String name, String profileYaml) {
        String n = name(name, "a product");
        validateProfile(profileYaml);
        return db.jdbi().inTransaction(h -> {
            Actor me = current(h, by);
            if (!exists(h, "organisations", organisationId) || !sees(me, organisationId)) {
                throw new NotFoundException("organisation " + organisationId);
            }
            requireRole(me, Role.ADMIN, Role.ASSESSOR);
            if (h.createQuery("SELECT COUNT(*) FROM products WHERE organisation_id = :o AND name = :n")
                    .bind("o", organisationId).bind("n", n).mapTo(Integer.class).one() > 0) {
                throw new InvalidInputException("the organisation has a product named " + n);
            }
            long id = h.createUpdate("INSERT INTO products (organisation_id, name, profile_yaml, created_by, created_at)"
                            + " VALUES (:o, :n, :p, :by, :now)")
                    .bind("o", organisationId).bind("n", n).bind("p", profileYaml).bind("by", me.userId()).bind("now", now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            AuditLog.append(h, me, "product.create", "product " + id, n + " (profile sha256 " + Sha256.of(profileYaml) + ")",
                    organisationId, id);
            return product(h, id);
        });
    }

    @Override
    public List<ProductStanding> products(Actor by) {
        return db.jdbi().withHandle(h -> {
            Actor me = current(h, by);
            String where = me.role() == Role.CLIENT_VIEWER ? " WHERE organisation_id = :org" : "";
            List<Product> products = h.createQuery("SELECT * FROM products" + where + " ORDER BY name, id")
                    .bind("org", me.organisationId()).map(DatabaseWorkspace::productRow).list();
            // three queries for the whole list, not two per product: the newest version of each product, and the
            // newest run of each of those versions
            String visible = me.role() == Role.CLIENT_VIEWER
                    ? " AND f.product_id IN (SELECT id FROM products WHERE organisation_id = :org)" : "";
            Map<Long, FirmwareVersion> latest = new java.util.HashMap<>();
            h.createQuery(VERSION_SELECT + " WHERE f.id = (SELECT f2.id FROM firmware_versions f2"
                            + " WHERE f2.product_id = f.product_id ORDER BY f2.uploaded_at DESC, f2.id DESC LIMIT 1)" + visible)
                    .bind("org", me.organisationId()).map(DatabaseWorkspace::versionRow)
                    .forEach(v -> latest.put(v.productId(), v));
            Map<Long, AssessmentRun> newestRun = new java.util.HashMap<>();
            h.createQuery("SELECT r.* FROM assessment_runs r WHERE r.id = (SELECT MAX(r2.id) FROM assessment_runs r2"
                            + " WHERE r2.firmware_version_id = r.firmware_version_id)"
                            + visible.replace("f.product_id", "r.product_id"))
                    .bind("org", me.organisationId()).map(DatabaseWorkspace::runRow)
                    .forEach(r -> newestRun.put(r.firmwareVersionId(), r));
            List<ProductStanding> out = new ArrayList<>();
            for (Product p : products) {
                FirmwareVersion v = latest.get(p.id());
                out.add(new ProductStanding(p, v, v == null ? null : newestRun.get(v.id())));
            }
            return out;
        });
    }

    @Override
    public Product product(Actor by, long productId) {
        return db.jdbi().withHandle(h -> visibleProduct(h, current(h, by), productId));
    }

    @Override
    public void updateProfile(Actor by, long productId, String profileYaml) {
        validateProfile(profileYaml);
        db.jdbi().useTransaction(h -> {
            Actor me = current(h, by);
            Product p = visibleProduct(h, me, productId);
            requireRole(me, Role.ADMIN, Role.ASSESSOR);
            h.createUpdate("UPDATE products SET profile_yaml = :y WHERE id = :id").bind("y", profileYaml).bind("id", productId).execute();
            AuditLog.append(h, me, "product.profile", "product " + productId, "profile sha256 "
                    + Sha256.of(p.profileYaml()) + " → " + Sha256.of(profileYaml), p.organisationId(), productId);
        });
    }

    @Override
    public AssessmentRun uploadFirmware(Actor by, long productId, String version, String fileName, InputStream image)
            throws IOException {
        String v = name(version, "a firmware version");
        String file = safeFileName(fileName);
        Product product = db.jdbi().withHandle(h -> {
            Actor me = current(h, by);
            Product p = visibleProduct(h, me, productId);
            requireRole(me, Role.ADMIN, Role.ASSESSOR);
            return p;
        });
        BlobStore.BlobRef stored;
        try {
            stored = blobs.put(image, settings.uploadLimitBytes());
        } catch (BlobStore.BlobTooLargeException e) {
            throw new InvalidInputException("the image is larger than the upload limit of " + settings.uploadLimitBytes() + " bytes");
        }
        if (stored.size() == 0) {
            throw new InvalidInputException("the image is empty");
        }
        long runId = db.jdbi().inTransaction(h -> {
            Actor me = current(h, by);
            if (h.createQuery("SELECT COUNT(*) FROM firmware_versions WHERE product_id = :p AND version = :v")
                    .bind("p", productId).bind("v", v).mapTo(Integer.class).one() > 0) {
                throw new InvalidInputException("the product has a firmware version " + v + " already");
            }
            BlobRows.record(h, stored);
            long versionId = h.createUpdate("INSERT INTO firmware_versions (product_id, version, file_name, sha256, size,"
                            + " uploaded_by, uploaded_at) VALUES (:p, :v, :f, :s, :size, :by, :now)")
                    .bind("p", productId).bind("v", v).bind("f", file).bind("s", stored.sha256()).bind("size", stored.size())
                    .bind("by", me.userId()).bind("now", now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long run = insertRun(h, product, versionId, JobQueue.ASSESS, me);
            AuditLog.append(h, me, "firmware.upload", "product " + productId, "version " + v + ", " + file + " ("
                    + stored.size() + " bytes, sha256 " + stored.sha256() + "), assessment " + run, product.organisationId(), productId);
            return run;
        });
        enqueue(JobQueue.ASSESS, runId);
        return assessment(by, runId);
    }

    @Override
    public List<FirmwareVersion> versions(Actor by, long productId) {
        return db.jdbi().withHandle(h -> {
            visibleProduct(h, current(h, by), productId);
            return h.createQuery(VERSION_SELECT + " WHERE f.product_id = :p ORDER BY f.uploaded_at DESC, f.id DESC")
                    .bind("p", productId).map(DatabaseWorkspace::versionRow).list();
        });
    }

    // ---- assessments ----

    @Override
    public List<AssessmentRun> assessments(Actor by, long productId) {
        return db.jdbi().withHandle(h -> {
            visibleProduct(h, current(h, by), productId);
            return h.createQuery("SELECT * FROM assessment_runs WHERE product_id = :p ORDER BY id DESC")
                    .bind("p", productId).map(DatabaseWorkspace::runRow).list();
        });
    }

    @Override
    public AssessmentRun assessment(Actor by, long assessmentId) {
        return db.jdbi().withHandle(h -> visibleRun(h, current(h, by), assessmentId));
    }

    @Override
    public AssessmentRun reassess(Actor by, long firmwareVersionId) {
        long runId = db.jdbi().inTransaction(h -> {
            Actor me = current(h, by);
            FirmwareVersion v = h.createQuery(VERSION_SELECT + " WHERE f.id = :id").bind("id", firmwareVersionId)
                    .map(DatabaseWorkspace::versionRow).findOne()
                    .orElseThrow(() -> new NotFoundException("firmware version " + firmwareVersionId));
            Product p = visibleProduct(h, me, v.productId(), "firmware version " + firmwareVersionId);
            requireRole(me, Role.ADMIN, Role.ASSESSOR);
            long run = insertRun(h, p, v.id(), JobQueue.REVERDICT, me);
            AuditLog.append(h, me, "assessment.reassess", "assessment " + run, "version " + v.version()
                    + " with the current declarations and vulnerability data", p.organisationId(), p.id());
            return run;
        });
        enqueue(JobQueue.REVERDICT, runId);
        return assessment(by, runId);
    }

    @Override
    public AssessmentRun retry(Actor by, long assessmentId) {
        String kind = db.jdbi().inTransaction(h -> {
            Actor me = current(h, by);
            AssessmentRun run = visibleRun(h, me, assessmentId);
            requireRole(me, Role.ADMIN, Role.ASSESSOR);
            if (run.status() != JobStatus.FAILED) {
                throw new InvalidInputException("only a failed assessment can be retried; this one is " + run.status().id());
            }
            h.createUpdate("UPDATE assessment_runs SET status = 'queued', stage = NULL, progress = NULL,"
                    + " status_detail = NULL, queued_at = :now, started_at = NULL, finished_at = NULL WHERE id = :id")
                    .bind("now", now()).bind("id", assessmentId).execute();
            AuditLog.append(h, me, "assessment.retry", "assessment " + assessmentId, "failed: " + run.statusDetail(),
                    organisationOf(h, run.productId()), run.productId());
            return h.createQuery("SELECT kind FROM assessment_runs WHERE id = :id").bind("id", assessmentId).mapTo(String.class).one();
        });
        enqueue(kind, assessmentId);
        return assessment(by, assessmentId);
    }

    @Override
    public InputStream assessmentJson(Actor by, long assessmentId) throws IOException {
        AssessmentRun run = assessment(by, assessmentId);
        if (run.assessmentSha256() == null) {
            throw new NotFoundException("the result of assessment " + assessmentId);
        }
        return blobs.open(run.assessmentSha256());
    }

    @Override
    public InputStream report(Actor by, long assessmentId, String format) throws IOException {
        ReportFormats.Format f = ReportFormats.of(format);
        if (f.id().equals("json")) {
            return assessmentJson(by, assessmentId);
        }
        Assessment a;
        try (InputStream in = assessmentJson(by, assessmentId)) {
            a = Assessment.read(in);
        }
        if (f.id().equals("ics-md")) {
            // the Markdown statements the ics command prints (IcsWriter; ReportWriter writes CSV and HTML only)
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (ConformanceStatement cs : a.conformance()) {
                    zip.putNextEntry(new ZipEntry("ics-" + cs.standard() + ".md"));
                    zip.write(IcsWriter.markdown(a, cs).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return new ByteArrayInputStream(bytes.toByteArray());
        }
        // the report module writes files (as `iotb report` does): into a scratch directory of the data dir
        Path dir = Files.createDirectories(settings.dataDir().resolve("work")).resolve("report-" + UUID.randomUUID());
        try {
            String writerFormat = f.id().startsWith("ics-") ? "ics" : f.id();
            List<Path> written = ReportWriter.write(a, dir, List.of(writerFormat));
            if (f.id().startsWith("ics-")) {
                String suffix = f.id().equals("ics-csv") ? ".csv" : ".html";
                return new ByteArrayInputStream(zip(written.stream().filter(p -> p.toString().endsWith(suffix)).toList()));
            }
            return new ByteArrayInputStream(Files.readAllBytes(written.get(0)));
        } finally {
            deleteTree(dir);
        }
    }

    // ---- declarations ----

    @Override
    public DeclarationsVersion saveDeclarations(Actor by, long productId, String yaml, String comment) {
        Declarations parsed = validateDeclarations(yaml);
        return db.jdbi().inTransaction(h -> {
            Actor me = current(h, by);
            Product p = visibleProduct(h, me, productId);
            requireRole(me, Role.ADMIN, Role.ASSESSOR);
            Optional<String> previous = h.createQuery("SELECT yaml FROM declarations_versions WHERE product_id = :p"
                    + " ORDER BY number DESC LIMIT 1").bind("p", productId).mapTo(String.class).findOne();
            int number = h.createQuery("SELECT COALESCE(MAX(number), 0) + 1 FROM declarations_versions WHERE product_id = :p")
                    .bind("p", productId).mapTo(Integer.class).one();
            long id = h.createUpdate("INSERT INTO declarations_versions (product_id, number, yaml, author, comment, created_at)"
                            + " VALUES (:p, :n, :y, :a, :c, :now)")
                    .bind("p", productId).bind("n", number).bind("y", yaml).bind("a", me.userId())
                    .bind("c", comment == null || comment.isBlank() ? null : comment.strip()).bind("now", now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Declarations before = previous.map(y -> DeclarationsLoader.parse(y, "declarations", settings.catalog()))
                    .orElse(Declarations.NONE);
            AuditLog.append(h, me, "declarations.save", "product " + productId, "revision " + number + ": "
                    + DeclarationsChanges.summary(before, parsed)
                    + (comment == null || comment.isBlank() ? "" : " — " + comment.strip()), p.organisationId(), productId);
            return declarationsRow(h, id);
        });
    }

    @Override
    public List<DeclarationsVersion> declarationsHistory(Actor by, long productId) {
        return db.jdbi().withHandle(h -> {
            visibleProduct(h, current(h, by), productId);
            return h.createQuery(DECLARATIONS_SELECT + " WHERE d.product_id = :p ORDER BY d.number DESC")
                    .bind("p", productId).map(DatabaseWorkspace::declarationsRow).list();
        });
    }

    // ---- review and audit ----

    @Override
    public Review signOff(Actor by, long assessmentId, String decision, String comment) {
        if (!"approved".equals(decision) && !"rejected".equals(decision)) {
            throw new InvalidInputException("a sign-off decision is 'approved' or 'rejected'");
        }
        return db.jdbi().inTransaction(h -> {
            Actor me = current(h, by);
            AssessmentRun run = visibleRun(h, me, assessmentId);
            requireRole(me, Role.REVIEWER);
            Long startedBy = h.createQuery("SELECT started_by FROM assessment_runs WHERE id = :id").bind("id", assessmentId)
                    .mapTo(Long.class).one();
            if (startedBy != null && startedBy == me.userId()) {
                throw new ForbiddenException("a reviewer may not sign off an assessment they started");
            }
            if (run.status() != JobStatus.DONE) {
                throw new InvalidInputException("only a finished assessment can be signed off; this one is " + run.status().id());
            }
            long id = h.createUpdate("INSERT INTO reviews (assessment_id, reviewer_id, decision, comment, at)"
                            + " VALUES (:a, :r, :d, :c, :now)")
                    .bind("a", assessmentId).bind("r", me.userId()).bind("d", decision)
                    .bind("c", comment == null || comment.isBlank() ? null : comment.strip()).bind("now", now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("UPDATE assessment_runs SET review_status = :d WHERE id = :id").bind("d", decision).bind("id", assessmentId).execute();
            AuditLog.append(h, me, "assessment.signoff", "assessment " + assessmentId, decision
                    + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()), organisationOf(h, run.productId()), run.productId());
            return h.createQuery(REVIEW_SELECT + " WHERE r.id = :id").bind("id", id).map(DatabaseWorkspace::reviewRow).one();
        });
    }

    @Override
    public List<Review> reviews(Actor by, long assessmentId) {
        return db.jdbi().withHandle(h -> {
            visibleRun(h, current(h, by), assessmentId);
            return h.createQuery(REVIEW_SELECT + " WHERE r.assessment_id = :a ORDER BY r.id DESC")
                    .bind("a", assessmentId).map(DatabaseWorkspace::reviewRow).list();
        });
    }

    @Override
    public List<AuditEntry> audit(Actor by, int limit) {
        return db.jdbi().withHandle(h -> {
            Actor me = current(h, by);
            return switch (me.role()) {
                case ADMIN -> AuditLog.read(h, AuditLog.Scope.ALL, null, limit);
                case CLIENT_VIEWER -> AuditLog.read(h, AuditLog.Scope.ORGANISATION, me.organisationId(), limit);
                default -> AuditLog.read(h, AuditLog.Scope.PRODUCTS, null, limit);
            };
        });
    }

    // ---- API tokens ----

    @Override
    public String createApiToken(Actor by, String name) {
        String n = name(name, "a token");
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "iotb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        db.jdbi().useTransaction(h -> {
            Actor me = current(h, by);
            h.createUpdate("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (:u, :n, :h, :now)")
                    .bind("u", me.userId()).bind("n", n).bind("h", Sha256.of(token)).bind("now", now()).execute();
            AuditLog.append(h, me, "token.create", "user " + me.username(), "API token " + n, me.organisationId(), null);
        });
        return token;
    }

    @Override
    public Optional<Actor> authenticateToken(String token) {
        if (token == null || !token.startsWith("iotb_") || token.length() > 200) {
            return Optional.empty();
        }
        return db.jdbi().withHandle(h -> h.createQuery("SELECT u.id, u.username, u.role, u.organisation_id FROM api_tokens t"
                        + " JOIN users u ON u.id = t.user_id WHERE t.token_hash = :h AND t.revoked_at IS NULL")
                .bind("h", Sha256.of(token)).map((rs, ctx) -> actor(rs)).findOne());
    }

    @Override
    public void close() {
        // the caller owns the database, blob store and queue
    }

    // ---- authorisation ----

    /** The actor as the database knows them now (role and organisation), or Forbidden when the account is gone. */
    private Actor current(Actor by) {
        return db.jdbi().withHandle(h -> current(h, by));
    }

    private static Actor current(Handle h, Actor by) {
        if (by == null) {
            throw new ForbiddenException("not logged in");
        }
        return h.createQuery("SELECT id, username, role, organisation_id FROM users WHERE id = :id").bind("id", by.userId())
                .map((rs, ctx) -> actor(rs)).findOne().orElseThrow(() -> new ForbiddenException("no such account"));
    }

    private static Actor requireRole(Actor me, Role... allowed) {
        for (Role r : allowed) {
            if (me.role() == r) {
                return me;
            }
        }
        throw new ForbiddenException("a " + me.role().id() + " may not do this");
    }

    /** Whether the actor may see things of this organisation (a client-viewer: only their own). */
    private static boolean sees(Actor me, long organisationId) {
        return me.role() != Role.CLIENT_VIEWER || me.organisationId() != null && me.organisationId() == organisationId;
    }

    private static Product visibleProduct(Handle h, Actor me, long productId) {
        return visibleProduct(h, me, productId, "product " + productId);
    }

    /** The product, or NotFound — the same answer for "no such product" and "not yours" (ids tell a client nothing). */
    private static Product visibleProduct(Handle h, Actor me, long productId, String what) {
        Product p = h.createQuery("SELECT * FROM products WHERE id = :id").bind("id", productId)
                .map(DatabaseWorkspace::productRow).findOne().orElseThrow(() -> new NotFoundException(what));
        if (!sees(me, p.organisationId())) {
            throw new NotFoundException(what);
        }
        return p;
    }

    private static AssessmentRun visibleRun(Handle h, Actor me, long runId) {
        AssessmentRun run = h.createQuery("SELECT * FROM assessment_runs WHERE id = :id").bind("id", runId)
                .map(DatabaseWorkspace::runRow).findOne().orElseThrow(() -> new NotFoundException("assessment " + runId));
        visibleProduct(h, me, run.productId(), "assessment " + runId);
        return run;
    }

    // ---- validation ----

    private void validateProfile(String yaml) {
        requireYaml(yaml, "profile");
        try {
            ProfileLoader.parse(yaml, "profile", settings.catalog());
        } catch (CatalogException | IllegalArgumentException e) {
            throw new InvalidInputException("invalid profile: " + e.getMessage());
        }
    }

    /**
     * Parses the declarations as `iotb assess --declarations` would. Evidence files cannot be attached in the workspace
     * yet, and a declaration may not rest on a document that is not there (DeclarationEvidence): citing one is refused
     * (cite a URL, or describe the document in the detail).
     */
    private Declarations validateDeclarations(String yaml) {
        requireYaml(yaml, "declarations");
        Declarations d;
        try {
            d = DeclarationsLoader.parse(yaml, "declarations", settings.catalog());
        } catch (CatalogException | IllegalArgumentException e) {
            throw new InvalidInputException("invalid declarations: " + e.getMessage());
        }
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, Map<String, Declaration>> s : d.byStandard().entrySet()) {
            for (Map.Entry<String, Declaration> e : s.getValue().entrySet()) {
                for (String ev : e.getValue().evidence()) {
                    if (DeclarationEvidence.namesFile(ev)) {
                        files.add(s.getKey() + " " + e.getKey() + " cites " + ev.strip());
                    }
                }
            }
        }
        if (!files.isEmpty()) {
            throw new InvalidInputException("declarations in the workspace cannot cite evidence files yet (no document"
                    + " store): cite a URL or describe the document in the detail instead: " + String.join("; ", files));
        }
        return d;
    }

    private static void requireYaml(String yaml, String what) {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidInputException("the " + what + " is empty");
        }
        if (yaml.length() > MAX_YAML) {
            throw new InvalidInputException("the " + what + " is larger than " + MAX_YAML + " characters");
        }
    }

    private static String name(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new InvalidInputException(what + " needs a name");
        }
        String n = s.strip();
        if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(what + "'s name has at most " + MAX_NAME + " characters and no control characters");
        }
        return n;
    }

    /** The uploaded file's base name, made safe to use as a file name in a scratch directory. */
    static String safeFileName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._+-]", "_");
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
            base = "firmware.bin";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    // ---- rows ----

    private static final String VERSION_SELECT = "SELECT f.*, u.username AS uploader FROM firmware_versions f"
            + " LEFT JOIN users u ON u.id = f.uploaded_by";
    private static final String DECLARATIONS_SELECT = "SELECT d.*, u.username AS author_name FROM declarations_versions d"
            + " LEFT JOIN users u ON u.id = d.author";
    private static final String REVIEW_SELECT = "SELECT r.*, u.username AS reviewer FROM reviews r"
            + " JOIN users u ON u.id = r.reviewer_id";

    private long insertRun(Handle h, Product p, long versionId, String kind, Actor me) {
        Long declarations = h.createQuery("SELECT id FROM declarations_versions WHERE product_id = :p ORDER BY number DESC LIMIT 1")
                .bind("p", p.id()).mapTo(Long.class).findOne().orElse(null);
        return h.createUpdate("INSERT INTO assessment_runs (product_id, firmware_version_id, declarations_version_id, kind,"
                        + " status, started_by, queued_at) VALUES (:p, :v, :d, :k, 'queued', :by, :now)")
                .bind("p", p.id()).bind("v", versionId).bind("d", declarations).bind("k", kind).bind("by", me.userId())
                .bind("now", now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** After the run's row is committed; a failure here leaves it queued, and the queue schedules it when it starts. */
    private void enqueue(String kind, long runId) {
        try {
            queue.enqueue(kind, runId);
        } catch (RuntimeException e) {
            System.err.println("iotb: assessment " + runId + " stays queued until the job queue starts: " + e.getMessage());
        }
    }

    private static long insertUser(Handle h, String username, String hash, Role role, Long organisationId) {
        return h.createUpdate("INSERT INTO users (username, password_hash, role, organisation_id, created_at)"
                        + " VALUES (:u, :h, :r, :o, :now)")
                .bind("u", username).bind("h", hash).bind("r", role.id()).bind("o", organisationId).bind("now", now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static boolean exists(Handle h, String table, long id) {
        return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
    }

    private static Long organisationOf(Handle h, long productId) {
        return h.createQuery("SELECT organisation_id FROM products WHERE id = :id").bind("id", productId).mapTo(Long.class).one();
    }

    private static User user(Handle h, long id) {
        return h.createQuery("SELECT id, username, role, organisation_id, created_at FROM users WHERE id = :id").bind("id", id)
                .map(DatabaseWorkspace::userRow).one();
    }

    private static Product product(Handle h, long id) {
        return h.createQuery("SELECT * FROM products WHERE id = :id").bind("id", id).map(DatabaseWorkspace::productRow).one();
    }

    private static DeclarationsVersion declarationsRow(Handle h, long id) {
        return h.createQuery(DECLARATIONS_SELECT + " WHERE d.id = :id").bind("id", id).map(DatabaseWorkspace::declarationsRow).one();
    }

    private static Actor actor(ResultSet rs) throws SQLException {
        return new Actor(rs.getLong("id"), rs.getString("username"), Role.of(rs.getString("role")), longOrNull(rs, "organisation_id"));
    }

    private static User userRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), Role.of(rs.getString("role")),
                longOrNull(rs, "organisation_id"), instant(rs, "created_at"));
    }

    private static Product productRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Product(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"), rs.getString("profile_yaml"),
                instant(rs, "created_at"));
    }

    private static FirmwareVersion versionRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new FirmwareVersion(rs.getLong("id"), rs.getLong("product_id"), rs.getString("version"), rs.getString("file_name"),
                rs.getString("sha256"), rs.getLong("size"), rs.getString("uploader"), instant(rs, "uploaded_at"));
    }

    private static DeclarationsVersion declarationsRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new DeclarationsVersion(rs.getLong("id"), rs.getLong("product_id"), rs.getInt("number"), rs.getString("yaml"),
                rs.getString("author_name"), rs.getString("comment"), instant(rs, "created_at"));
    }

    private static Review reviewRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Review(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("reviewer"), rs.getString("decision"),
                rs.getString("comment"), instant(rs, "at"));
    }

    static AssessmentRun runRow(ResultSet rs, StatementContext ctx) throws SQLException {
        String failed = rs.getString("failed_mandatory");
        Map<String, Integer> failedMandatory = null;
        if (failed != null) {
            try {
                failedMandatory = JSON.readValue(failed, new TypeReference<java.util.LinkedHashMap<String, Integer>>() { });
            } catch (IOException e) {
                throw new SQLException("assessment_runs.failed_mandatory is not a JSON object: " + failed, e);
            }
        }
        int progress = rs.getInt("progress");
        Integer p = rs.wasNull() ? null : progress;
        return new AssessmentRun(rs.getLong("id"), rs.getLong("product_id"), rs.getLong("firmware_version_id"),
                longOrNull(rs, "declarations_version_id"), JobStatus.of(rs.getString("status")), rs.getString("stage"), p,
                rs.getString("status_detail"), rs.getString("tool_version"), rs.getString("vulnerability_data"),
                failedMandatory, rs.getString("assessment_sha256"), rs.getString("review_status"),
                instant(rs, "queued_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static long now() {
        return Instant.now().toEpochMilli();
    }

    private static byte[] zip(List<Path> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // scratch left behind is removed with <data>/work
        }
    }
}
