package org.iotb.sbom.vuln.vex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.iotb.model.Json;
import org.iotb.model.Tool;
import org.iotb.sbom.Component;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.vuln.VulnDb;

/**
 * The lab's triage of one image as an OpenVEX 0.2.0 document: one statement per known vulnerability of each
 * component, with the lab's VEX statement where one was given (status, justification, impact statement, who said
 * it), else what iotb decided (a distribution's fix in the installed revision → fixed; affected by version or by the
 * distribution → affected; upstream version in range with no distribution word → under_investigation).
 * Products are named by purl (else {@code name@version}).
 */
public final class OpenVexWriter {
    public static final String CONTEXT = "https://openvex.dev/ns/v0.2.0";

    public String toJson(Sbom sbom, VulnDb db, Triage triage, String author) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("@context", CONTEXT);
        doc.put("@id", "https://iotb.invalid/vex/" + UUID.randomUUID());
        doc.put("author", author == null || author.isBlank() ? "unknown (iotb " + Tool.version() + ")" : author);
        doc.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        doc.put("version", 1);
        doc.put("tooling", Tool.nameAndVersion());
        ArrayNode statements = doc.putArray("statements");
        for (Component c : sbom.components()) {
            for (Triage.Judged j : triage.judge(db, c)) {
                ObjectNode s = statements.addObject();
                s.putObject("vulnerability").put("name", j.match().vulnerability().cveId());
                ObjectNode product = s.putArray("products").addObject();
                product.put("@id", c.purl() != null ? c.purl() : c.name() + "@" + c.version());
                if (c.purl() != null) {
                    product.putObject("identifiers").put("purl", c.purl());
                }
                VexStatus status = j.status();
                s.put("status", status.id());
                VexStatement st = j.statement();
                if (st != null) {
                    if (st.justification() != null) {
                        s.put("justification", openVexJustification(st.justification()));
                    }
                    if (st.detail() != null) {
                        s.put("impact_statement", st.detail());
                    }
                    s.put("status_notes", "triage by " + (st.author() == null ? "the lab" : st.author()) + " ("
                            + st.file() + ")");
                } else {
                    if (j.match().applicability() != null && j.match().applicability().justification() != null) {
                        s.put("justification", openVexJustification(j.match().applicability().justification()));
                    }
                    s.put("status_notes", notes(j));
                }
                if (status == VexStatus.AFFECTED) {
                    // OpenVEX requires an action statement for affected products
                    s.put("action_statement", "update the component to a version that fixes "
                            + j.match().vulnerability().cveId() + " or mitigate it");
                }
            }
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String notes(Triage.Judged j) {
        var a = j.match().advisory();
        return switch (j.match().basis()) {
            case UPSTREAM_RANGE -> "iotb: the component's version is in an affected range (matched by version)";
            case DISTRO_FIXED -> "iotb: fixed by the distribution"
                    + (a == null || a.fixedVersion() == null ? "" : " in revision " + a.fixedVersion())
                    + (a == null ? "" : " (" + a.source() + ")");
            case DISTRO_AFFECTED -> "iotb: the distribution's advisory says the installed revision is affected"
                    + (a == null ? "" : " (" + a.source() + ")");
            case BACKPORT_UNKNOWN -> "iotb: version in range; distro backport status unknown";
            case CODE_EVIDENCE -> "iotb: " + j.match().applicability().state().id() + " by the image's code: "
                    + j.match().applicability().reason();
        };
    }

    /** OpenVEX justifications as they are; CycloneDX ones mapped to the nearest OpenVEX word. */
    static String openVexJustification(String j) {
        return switch (j) {
            case "code_not_present" -> "vulnerable_code_not_present";
            case "code_not_reachable" -> "vulnerable_code_not_in_execute_path";
            case "requires_configuration", "requires_dependency", "requires_environment" ->
                    "vulnerable_code_cannot_be_controlled_by_adversary";
            case "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter",
                    "protected_by_mitigating_control" -> "inline_mitigations_already_exist";
            default -> j;
        };
    }
}
