package org.iotb.server;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.AuditEntry;
import org.iotb.store.workspace.DeclarationsVersion;
import org.iotb.store.workspace.FirmwareVersion;
import org.iotb.store.workspace.NotFoundException;
import org.iotb.store.workspace.Organisation;
import org.iotb.store.workspace.Product;
import org.iotb.store.workspace.ProductStanding;
import org.iotb.store.workspace.Review;
import org.iotb.store.workspace.Role;
import org.iotb.store.workspace.User;
import org.iotb.store.workspace.Workspace;

/**
 * A tiny in-memory Workspace for unit tests of the security filters and routing only (accounts and a product list);
 * everything that touches assessments is tested end to end on the real DatabaseWorkspace.
 */
final class FakeWorkspace implements Workspace {
    private final Map<String, char[]> passwords = new ConcurrentHashMap<>();
    private final Map<String, Actor> actors = new ConcurrentHashMap<>();
    private final List<Product> products = new ArrayList<>();

    FakeWorkspace withUser(String name, String password, Role role, Long org) {
        passwords.put(name, password.toCharArray());
        actors.put(name, new Actor(actors.size() + 1, name, role, org));
        return this;
    }

    FakeWorkspace withProduct(long id, long org, String name) {
        products.add(new Product(id, org, name, "", Instant.EPOCH));
        return this;
    }

    @Override
    public Optional<Actor> authenticate(String username, char[] password) {
        char[] p = passwords.get(username);
        return p != null && Arrays.equals(p, password) ? Optional.of(actors.get(username)) : Optional.empty();
    }

    @Override
    public List<ProductStanding> products(Actor by) {
        return products.stream().filter(p -> by.organisationId() == null || by.organisationId() == p.organisationId())
                .map(p -> new ProductStanding(p, null, null)).toList();
    }

    @Override
    public Product product(Actor by, long productId) {
        return products(by).stream().map(ProductStanding::product).filter(p -> p.id() == productId).findFirst()
                .orElseThrow(() -> new NotFoundException("product " + productId));
    }

    @Override
    public User createUser(Actor by, String username, char[] password, Role role, Long organisationId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<User> users(Actor by) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean bootstrapAdmin(String username, char[] password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Organisation createOrganisation(Actor by, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Organisation> organisations(Actor by) {
        return List.of(); // the product list names each product's organisation
    }

    @Override
    public Product createProduct(Actor by, long organisationId, String name, String profileYaml) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void updateProfile(Actor by, long productId, String profileYaml) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AssessmentRun uploadFirmware(Actor by, long productId, String version, String fileName, InputStream image) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<FirmwareVersion> versions(Actor by, long productId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AssessmentRun> assessments(Actor by, long productId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AssessmentRun assessment(Actor by, long assessmentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AssessmentRun reassess(Actor by, long firmwareVersionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AssessmentRun retry(Actor by, long assessmentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public InputStream assessmentJson(Actor by, long assessmentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public InputStream report(Actor by, long assessmentId, String format) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DeclarationsVersion saveDeclarations(Actor by, long productId, String yaml, String comment) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DeclarationsVersion> declarationsHistory(Actor by, long productId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Review signOff(Actor by, long assessmentId, String decision, String comment) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Review> reviews(Actor by, long assessmentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditEntry> audit(Actor by, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
