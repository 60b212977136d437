package org.iotb.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The standards iotb assesses against and the crosswalk between them. */
public final class Catalog {
    /** Ids of the bundled standards, for tests and help texts: no code decides anything by them. */
    public static final String EN_303_645 = "etsi-en-303-645";
    public static final String MTSFB = "mtsfb-tc-g044";
    public static final String XIAOMI = "xiaomi-iot-baseline";

    private static Catalog bundled;

    private final List<Standard> standards;
    private final Crosswalk crosswalk;
    private final List<TokenKind> tokenKinds;

    public Catalog(List<Standard> standards, Crosswalk crosswalk, List<TokenKind> tokenKinds) {
        this.standards = List.copyOf(standards);
        this.crosswalk = crosswalk;
        this.tokenKinds = List.copyOf(tokenKinds);
    }

    /** A catalog without applies-if-any token kinds (its requirements use no applies-if-any tokens). */
    public Catalog(List<Standard> standards, Crosswalk crosswalk) {
        this(standards, crosswalk, List.of());
    }

    /** The catalog shipped inside iotb (loaded once). */
    public static synchronized Catalog load() {
        if (bundled == null) {
            bundled = CatalogLoader.loadBundled();
        }
        return bundled;
    }

    /** A catalog from a directory with an index.yaml, as documented in docs/catalog-format.md. */
    public static Catalog loadDirectory(Path dir) {
        return CatalogLoader.loadDirectory(dir);
    }

    /**
     * A catalog from a class-path folder with an index.yaml ("/org/iotb/catalog/" is the bundled one), e.g. a
     * test catalog under a module's test resources.
     */
    public static Catalog loadResources(String folder) {
        return CatalogLoader.loadResources(folder.endsWith("/") ? folder : folder + "/");
    }

    public List<Standard> standards() {
        return standards;
    }

    public Crosswalk crosswalk() {
        return crosswalk;
    }

    /** The applies-if-any token kinds and the profile facts that answer them (index.yaml {@code token-kinds}). */
    public List<TokenKind> tokenKinds() {
        return tokenKinds;
    }

    public Optional<TokenKind> tokenKind(String token) {
        return tokenKinds.stream().filter(k -> k.token().equals(token)).findFirst();
    }

    public Optional<Standard> standard(String id) {
        return standards.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Standard requireStandard(String id) {
        return standard(id).orElseThrow(() -> new CatalogException(
                "unknown standard '" + id + "'; known: " + standards.stream().map(Standard::id).toList()));
    }

    public Optional<Requirement> requirement(String standardId, String requirementId) {
        return standard(standardId).flatMap(s -> s.requirement(requirementId));
    }

    /** Finds a requirement by "standard:id" or by a bare id when exactly one standard has it. */
    public List<Requirement> find(String ref) {
        int colon = ref.indexOf(':');
        if (colon > 0) {
            return requirement(ref.substring(0, colon), ref.substring(colon + 1)).stream().toList();
        }
        List<Requirement> out = new ArrayList<>();
        standards.forEach(s -> s.requirement(ref).ifPresent(out::add));
        return out;
    }

    /** The conditions a standard's requirements refer to (its own, or those of the standard it borrows from). */
    public List<Condition> conditionsOf(Standard s) {
        if (s.conditionsFrom() != null && !s.conditionsFrom().equals(s.id())) {
            return requireStandard(s.conditionsFrom()).conditions();
        }
        return s.conditions();
    }

    /** Crosswalk links whose status differs from that of their counterparts in the link's target standard. */
    public List<StatusDifference> statusDifferences() {
        List<StatusDifference> out = new ArrayList<>();
        for (Standard s : standards) {
            for (Crosswalk.Link link : crosswalk.links(s.id())) {
                Optional<Requirement> from = s.requirement(link.id());
                for (String t : link.targetIds()) {
                    Optional<Requirement> to = requirement(link.target(), t);
                    if (from.isPresent() && to.isPresent() && from.get().status() != to.get().status()) {
                        out.add(new StatusDifference(from.get(), to.get()));
                    }
                }
            }
        }
        return out;
    }

    public record StatusDifference(Requirement requirement, Requirement counterpart) {
    }
}
