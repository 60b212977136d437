package org.iotb.sbom.vuln.vex;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotb.model.Json;

/**
 * Reads a VEX file: CycloneDX VEX (a BOM whose {@code vulnerabilities[]} carry {@code analysis.state},
 * {@code justification}, {@code detail} and {@code affects[].ref}) or OpenVEX ({@code statements[]} with
 * {@code vulnerability.name}, {@code products}, {@code status}, {@code justification}, {@code impact_statement}).
 * A {@code not_affected} statement without a justification is not applied (OpenVEX requires one; a lab's claim
 * that removes a CVE from the verdicts must say why): it becomes a warning.
 */
public final class VexReader {

    /** The statements of one file and what could not be applied. */
    public record VexFile(Path path, List<VexStatement> statements, List<String> warnings) {
    }

    public VexFile read(Path file) throws IOException {
        org.iotb.model.io.InputFiles.requireFile(file, "VEX file");
        JsonNode root = Json.mapper().readTree(file.toFile());
        String name = file.getFileName().toString();
        List<VexStatement> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (root != null && root.has("statements")) {
            readOpenVex(root, name, out, warnings);
        } else if (root != null && ("CycloneDX".equals(root.path("bomFormat").asText()) || root.has("vulnerabilities"))) {
            readCycloneDx(root, name, out, warnings);
        } else {
            throw new IOException(name + ": neither a CycloneDX VEX (bomFormat CycloneDX, vulnerabilities[]) nor an"
                    + " OpenVEX document (statements[])");
        }
        return new VexFile(file, out, warnings);
    }

    private static void readOpenVex(JsonNode root, String name, List<VexStatement> out, List<String> warnings) {
        String docAuthor = text(root.path("author"));
        for (JsonNode s : root.path("statements")) {
            JsonNode v = s.path("vulnerability");
            String cve = v.isTextual() ? v.asText() : text(v.path("name"));
            if (cve == null) {
                cve = text(v.path("@id"));
            }
            VexStatus status = VexStatus.fromOpenVex(text(s.path("status")));
            List<String> products = new ArrayList<>();
            for (JsonNode p : s.path("products")) {
                if (p.isTextual()) {
                    products.add(p.asText());
                } else {
                    addIfPresent(products, text(p.path("@id")));
                    addIfPresent(products, text(p.path("identifiers").path("purl")));
                }
            }
            String author = text(s.path("author")) != null ? text(s.path("author")) : docAuthor;
            accept(new VexStatement(cve, products, status, text(s.path("justification")),
                    text(s.path("impact_statement")) != null ? text(s.path("impact_statement"))
                            : text(s.path("status_notes")), author, name, "openvex"), name, out, warnings);
        }
    }

    private static void readCycloneDx(JsonNode root, String name, List<VexStatement> out, List<String> warnings) {
        String author = null;
        for (JsonNode a : root.path("metadata").path("authors")) {
            author = author != null ? author : text(a.path("name"));
        }
        if (author == null) {
            author = text(root.path("metadata").path("supplier").path("name"));
        }
        for (JsonNode v : root.path("vulnerabilities")) {
            JsonNode analysis = v.path("analysis");
            if (analysis.isMissingNode()) {
                continue; // a vulnerability listed without a triage decision says nothing to apply
            }
            List<String> products = new ArrayList<>();
            for (JsonNode a : v.path("affects")) {
                String ref = text(a.path("ref"));
                if (ref != null) {
                    // a BOM-Link (urn:cdx:serial/version#ref) names a component of another BOM by its bom-ref
                    int hash = ref.startsWith("urn:cdx:") ? ref.indexOf('#') : -1;
                    // kept as written: a purl's '+' is a version character, not a space (Triage compares %2B and +)
                    products.add(hash < 0 ? ref : ref.substring(hash + 1));
                }
            }
            accept(new VexStatement(text(v.path("id")), products, VexStatus.fromCycloneDx(text(analysis.path("state"))),
                    text(analysis.path("justification")), text(analysis.path("detail")), author, name, "cyclonedx"),
                    name, out, warnings);
        }
    }

    private static void accept(VexStatement s, String file, List<VexStatement> out, List<String> warnings) {
        if (s.vulnerability() == null || s.status() == null) {
            warnings.add(file + ": a statement without a vulnerability id or a known status was skipped");
        } else if (s.products().isEmpty()) {
            warnings.add(file + ": " + s.vulnerability() + " names no product; not applied");
        } else if (s.status() == VexStatus.NOT_AFFECTED && s.justification() == null) {
            warnings.add(file + ": " + s.vulnerability() + " is declared not_affected without a justification; not"
                    + " applied (say why: e.g. vulnerable_code_not_present, code_not_present)");
        } else {
            out.add(s);
        }
    }

    private static void addIfPresent(List<String> list, String s) {
        if (s != null && !list.contains(s)) {
            list.add(s);
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText().trim() : null;
    }
}
