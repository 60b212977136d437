package org.iotb.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotb.store.workspace.Actor;
import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.Organisation;
import org.iotb.store.workspace.Product;
import org.iotb.store.workspace.ProductStanding;
import org.iotb.store.workspace.Workspace;

/**
 * The bundled example (examples/smart-lock) as a workspace product: organisation {@value #ORGANISATION}, product
 * {@value #PRODUCT} with the example's profile and declarations, and two firmware versions (1.4.2 from unit 1 and
 * 1.5.0), whose assessments are queued. Loading twice changes nothing: an existing product of that name is kept.
 */
public final class ExampleProduct {
    public static final String ORGANISATION = "Example Lab Client";
    public static final String PRODUCT = "Example Smart Lock SL-100";

    private ExampleProduct() {
    }

    /** Where the example lives: {@code $IOTB_EXAMPLES/smart-lock}, ./examples/smart-lock, or next to the iotb jar's project. */
    public static Path find() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("IOTB_EXAMPLES");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env).resolve("smart-lock"));
        }
        candidates.add(Path.of("examples", "smart-lock"));
        try {
            Path jar = Path.of(ExampleProduct.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // iotb-cli/target/iotb.jar (or iotb-server/target/classes) → the project root two levels up
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            if (root != null && root.getParent() != null) {
                candidates.add(root.getParent().resolve("examples").resolve("smart-lock"));
            }
        } catch (Exception e) {
            // no code source: only the other candidates
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("profile.yaml"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** Loads the example as {@code admin}; returns the queued runs (empty when the product already existed). */
    public static List<AssessmentRun> load(Workspace ws, Actor admin, Path example) throws IOException {
        for (ProductStanding p : ws.products(admin)) {
            if (p.product().name().equals(PRODUCT)) {
                return List.of();
            }
        }
        Organisation org = ws.organisations(admin).stream().filter(o -> o.name().equals(ORGANISATION)).findFirst()
                .orElseGet(() -> ws.createOrganisation(admin, ORGANISATION));
        Product product = ws.createProduct(admin, org.id(), PRODUCT, Files.readString(example.resolve("profile.yaml")));
        ws.saveDeclarations(admin, product.id(), Files.readString(example.resolve("declarations.yaml")),
                "the example's declarations (examples/smart-lock/declarations.yaml)");
        List<AssessmentRun> runs = new ArrayList<>();
        runs.add(upload(ws, admin, product, example.resolve("firmware/sl100-1.4.2-unit1.bin"), "1.4.2"));
        runs.add(upload(ws, admin, product, example.resolve("firmware/sl100-1.5.0.bin"), "1.5.0"));
        return runs;
    }

    private static AssessmentRun upload(Workspace ws, Actor admin, Product product, Path image, String version)
            throws IOException {
        try (InputStream in = Files.newInputStream(image)) {
            return ws.uploadFirmware(admin, product.id(), version, image.getFileName().toString(), in);
        }
    }
}
