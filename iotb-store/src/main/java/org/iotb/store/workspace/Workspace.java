package org.iotb.store.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The workspace as one service: what the web pages, the REST API, {@code iotb batch} and the tests call. Every
 * method takes the {@link Actor} and enforces what that actor may see ({@link NotFoundException}) and do
 * ({@link ForbiddenException}); no caller filters on its own. Every change it makes to declarations, reviews,
 * verdict overrides, accounts and products appends an {@link AuditEntry} in the same transaction.
 *
 * <p>Uploading an image stores it once (by SHA-256) and enqueues its assessment; the work runs on the job queue in
 * the same database, never in the caller's thread. Reports are rendered from the stored assessment on request.
 */
public interface Workspace extends AutoCloseable {

    // ---- accounts ----

    /** The actor for these credentials, or empty (wrong name or password: the caller cannot tell which). */
    Optional<Actor> authenticate(String username, char[] password);

    /** An admin creates an account; a client-viewer needs an organisation. */
    User createUser(Actor by, String username, char[] password, Role role, Long organisationId);

    List<User> users(Actor by);

    /** The first admin, when the workspace has no account yet (first start); false when accounts exist. */
    boolean bootstrapAdmin(String username, char[] password);

    Organisation createOrganisation(Actor by, String name);

    /** The organisations the actor may see (a client-viewer: their own). */
    List<Organisation> organisations(Actor by);

    // ---- products and firmware ----

    /** A new product; its profile is validated as `iotb assess --profile` would ({@link InvalidInputException}). */
    Product createProduct(Actor by, long organisationId, String name, String profileYaml);

    /** The products the actor may see, each with its newest version and assessment. */
    List<ProductStanding> products(Actor by);

    Product product(Actor by, long productId);

    void updateProfile(Actor by, long productId, String profileYaml);

    /**
     * Stores the image (at most the workspace's upload limit) as a new firmware version and enqueues its
     * assessment with the product's current declarations; returns the queued run.
     */
    AssessmentRun uploadFirmware(Actor by, long productId, String version, String fileName, InputStream image)
            throws IOException;

    /** The product's versions, newest first. */
    List<FirmwareVersion> versions(Actor by, long productId);

    // ---- assessments ----

    /** The product's assessment runs, newest first. */
    List<AssessmentRun> assessments(Actor by, long productId);

    AssessmentRun assessment(Actor by, long assessmentId);

    /**
     * Enqueues a new run of the verdicts for this version with the current declarations and vulnerability data,
     * reusing the stored evidence (the image is not unpacked again when its evidence is stored).
     */
    AssessmentRun reassess(Actor by, long firmwareVersionId);

    /** Puts a failed run back on the queue. */
    AssessmentRun retry(Actor by, long assessmentId);

    /** The stored assessment JSON of a finished run. */
    InputStream assessmentJson(Actor by, long assessmentId) throws IOException;

    /**
     * A report of a finished run in one of the formats `iotb report --format` names (html, pdf, json, sarif, junit,
     * oscal, ics-csv, ics-md, ics-html, cyclonedx, spdx), rendered from the stored assessment.
     */
    InputStream report(Actor by, long assessmentId, String format) throws IOException;

    // ---- declarations ----

    /** Saves a new revision of the product's declarations (validated; an answer's change is audited). */
    DeclarationsVersion saveDeclarations(Actor by, long productId, String yaml, String comment);

    /** Every revision, newest first. */
    List<DeclarationsVersion> declarationsHistory(Actor by, long productId);

    // ---- review and audit ----

    /** A reviewer signs off (or rejects) a finished run; the reviewer may not be the one who started it. */
    Review signOff(Actor by, long assessmentId, String decision, String comment);

    List<Review> reviews(Actor by, long assessmentId);

    /** The audit log, newest first (admins: everything; others: what concerns products they see). */
    List<AuditEntry> audit(Actor by, int limit);

    // ---- API tokens (added by the store helper, session 6) ----

    /**
     * A new personal API token for the actor (for {@code Authorization: Bearer …}); returned once, stored only as its
     * SHA-256. The creation is audited.
     */
    default String createApiToken(Actor by, String name) {
        throw new UnsupportedOperationException("API tokens");
    }

    /** The actor a (not revoked) API token belongs to, or empty. */
    default Optional<Actor> authenticateToken(String token) {
        return Optional.empty();
    }

    @Override
    void close();
}
