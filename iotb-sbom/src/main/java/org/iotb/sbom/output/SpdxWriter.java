package org.iotb.sbom.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iotb.model.Json;
import org.iotb.model.Tool;
import org.iotb.sbom.Component;
import org.iotb.sbom.Sbom;

/**
 * Writes an {@link Sbom} as SPDX 2.3 JSON. The image is a package ({@code SPDXRef-Image}, purpose FIRMWARE, with
 * its SHA256) that the document DESCRIBES and that CONTAINS one package per component; purl and CPE are external
 * references (PACKAGE-MANAGER/purl, SECURITY/cpe23Type); confidence and evidence go into the package comment.
 * Licenses are not determined: NOASSERTION.
 */
public final class SpdxWriter {
    static final String NAMESPACE_BASE = "https://iotb.invalid/spdx/";
    private final ObjectMapper mapper = Json.mapper();

    public String toJson(Sbom sbom) {
        try {
            return mapper.writeValueAsString(toTree(sbom));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document with the vulnerability data the SBOM's user should know about, as {@code creationInfo.comment}. */
    public String toJson(Sbom sbom, org.iotb.sbom.vuln.VulnDataSnapshot statedData) {
        ObjectNode doc = toTree(sbom);
        if (statedData != null) {
            ((ObjectNode) doc.get("creationInfo")).put("comment",
                    statedData.describe(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
        }
        try {
            return mapper.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Sbom sbom, Path out) throws IOException {
        org.iotb.model.io.SafeOutput.writeString(out, toJson(sbom));
    }

    ObjectNode toTree(Sbom sbom) {
        String subjectName = sbom.subject().name() == null ? "firmware" : sbom.subject().name();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", "iotb SBOM of " + subjectName);
        doc.put("documentNamespace", NAMESPACE_BASE + idSafe(subjectName) + "-" + UUID.randomUUID());
        ObjectNode ci = doc.putObject("creationInfo");
        ci.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ci.putArray("creators").add("Tool: " + Tool.NAME + "-" + Tool.version());
        doc.putArray("documentDescribes").add("SPDXRef-Image");

        ArrayNode packages = doc.putArray("packages");
        ObjectNode image = packages.addObject();
        image.put("name", subjectName);
        image.put("SPDXID", "SPDXRef-Image");
        image.put("downloadLocation", "NOASSERTION");
        image.put("filesAnalyzed", false);
        image.put("primaryPackagePurpose", "FIRMWARE");
        if (sbom.subject().sha256() != null) {
            ObjectNode cs = image.putArray("checksums").addObject();
            cs.put("algorithm", "SHA256");
            cs.put("checksumValue", sbom.subject().sha256());
        }
        image.put("licenseConcluded", "NOASSERTION");
        image.put("licenseDeclared", "NOASSERTION");
        image.put("copyrightText", "NOASSERTION");

        ArrayNode rels = doc.putArray("relationships");
        ObjectNode describes = rels.addObject();
        describes.put("spdxElementId", "SPDXRef-DOCUMENT");
        describes.put("relationshipType", "DESCRIBES");
        describes.put("relatedSpdxElement", "SPDXRef-Image");

        Set<String> used = new HashSet<>();
        used.add("SPDXRef-Image");
        for (Component c : sbom.components()) {
            String id = uniqueId(c, used);
            ObjectNode p = packages.addObject();
            p.put("name", c.name());
            p.put("SPDXID", id);
            if (c.version() != null) {
                p.put("versionInfo", c.version());
            }
            p.put("downloadLocation", "NOASSERTION");
            p.put("filesAnalyzed", false);
            p.put("primaryPackagePurpose", c.id().equals("linux-kernel") ? "OPERATING-SYSTEM" : "LIBRARY");
            p.put("licenseConcluded", "NOASSERTION");
            p.put("licenseDeclared", "NOASSERTION");
            p.put("copyrightText", "NOASSERTION");
            ArrayNode refs = p.putArray("externalRefs");
            if (c.purl() != null) {
                ObjectNode r = refs.addObject();
                r.put("referenceCategory", "PACKAGE-MANAGER");
                r.put("referenceType", "purl");
                r.put("referenceLocator", c.purl());
            }
            if (c.cpe() != null) {
                ObjectNode r = refs.addObject();
                r.put("referenceCategory", "SECURITY");
                r.put("referenceType", "cpe23Type");
                r.put("referenceLocator", c.cpe());
            }
            if (refs.isEmpty()) {
                p.remove("externalRefs");
            }
            p.put("comment", "identified by " + c.source().id() + ", confidence " + c.confidence().id()
                    + "; evidence: " + c.evidence().stream().limit(3)
                    .map(e -> e.path() + (e.excerpt() == null ? "" : " \"" + e.excerpt() + "\""))
                    .collect(Collectors.joining("; ")));
            ObjectNode contains = rels.addObject();
            contains.put("spdxElementId", "SPDXRef-Image");
            contains.put("relationshipType", "CONTAINS");
            contains.put("relatedSpdxElement", id);
        }
        return doc;
    }

    private static String uniqueId(Component c, Set<String> used) {
        String base = "SPDXRef-Package-" + idSafe(c.id() + "-" + (c.version() == null ? "unknown" : c.version()));
        String id = base;
        for (int i = 2; !used.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    /** SPDX ids allow letters, digits, '.' and '-' only. */
    static String idSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9.-]", "-");
    }
}
