package org.iotb.sbom.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.evidence.Identity;
import org.cyclonedx.model.component.evidence.Method;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.metadata.ToolInformation;
import org.iotb.model.Evidence;
import org.iotb.model.Tool;
import org.iotb.sbom.Component;
import org.iotb.sbom.ComponentSource;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.vuln.VulnDataSnapshot;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.vex.Triage;
import org.iotb.sbom.vuln.Vulnerability;

/**
 * Writes an {@link Sbom} as CycloneDX 1.6 JSON with the CycloneDX Java library. The image is
 * {@code metadata.component} (type firmware, with its SHA-256); each identified component carries purl, CPE,
 * evidence (identity with confidence and method, occurrences with file locations) and the properties
 * {@code iotb:confidence} and {@code iotb:source}; the image depends on every component. Optionally, the known
 * vulnerabilities of the components ({@link #toJson(Sbom, VulnDb)}).
 */
public final class CycloneDxWriter {
    public static final Version SPEC = Version.VERSION_16;

    public String toJson(Sbom sbom) {
        return toJson(sbom, null);
    }

    /**
     * The BOM with a {@code vulnerabilities} section: every vulnerability {@code db} matches to a component,
     * with its rating, description, advisory URLs and the affected component's bom-ref. {@code db} may be null.
     */
    public String toJson(Sbom sbom, VulnDb db) {
        return toJson(sbom, db, Triage.NONE, db != null);
    }

    /**
     * The BOM naming the vulnerability data {@code db} holds (metadata properties {@code iotb:vulnerability-data…})
     * and, if {@code withVulnerabilities}, its {@code vulnerabilities} with the lab's triage as {@code analysis}
     * ({@link CycloneDxVulnerabilities}). {@code db} may be null: neither is written.
     */
    public String toJson(Sbom sbom, VulnDb db, Triage triage, boolean withVulnerabilities) {
        Bom bom = toBom(sbom);
        if (db != null) {
            statedData(bom, db.snapshot());
            if (withVulnerabilities) {
                CycloneDxVulnerabilities.add(bom, sbom, db, triage == null ? Triage.NONE : triage);
            }
        }
        try {
            return new BomJsonGenerator(bom, SPEC).toJsonString(true);
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX generation failed", e);
        }
    }

    /** The vulnerability data the SBOM's vulnerabilities were judged with, as metadata properties. */
    private static void statedData(Bom bom, VulnDataSnapshot s) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        List<Property> props = new ArrayList<>();
        props.add(property("iotb:vulnerability-data", s.describe(today)));
        props.add(property("iotb:vulnerability-data:records", Integer.toString(s.records())));
        if (s.newestRecord() != null) {
            props.add(property("iotb:vulnerability-data:newest-record", s.newestRecord().toString()));
            props.add(property("iotb:vulnerability-data:age-days", Long.toString(s.ageDays(today))));
        }
        props.add(property("iotb:vulnerability-data:starter-set-only", Boolean.toString(s.starterSetOnly())));
        for (VulnDataSnapshot.Source src : s.sources()) {
            props.add(property("iotb:vulnerability-data:source", src.name() + " " + src.records() + " records"
                    + (src.newestRecord() == null ? "" : ", newest " + src.newestRecord())
                    + (src.importedAt() == null ? "" : ", imported " + src.importedAt())));
        }
        bom.getMetadata().setProperties(props);
    }

    static org.cyclonedx.model.vulnerability.Vulnerability vuln(Vulnerability v) {
        org.cyclonedx.model.vulnerability.Vulnerability x = new org.cyclonedx.model.vulnerability.Vulnerability();
        x.setBomRef("vuln-" + v.cveId());
        x.setId(v.cveId());
        org.cyclonedx.model.vulnerability.Vulnerability.Source src =
                new org.cyclonedx.model.vulnerability.Vulnerability.Source();
        if (v.cveId().startsWith("CVE-")) {
            src.setName("NVD");
            src.setUrl("https://nvd.nist.gov/vuln/detail/" + v.cveId());
        } else {
            src.setName(v.source());
        }
        x.setSource(src);
        if (v.summary() != null) {
            x.setDescription(v.summary());
        }
        if (v.severity() != null) {
            org.cyclonedx.model.vulnerability.Vulnerability.Rating r =
                    new org.cyclonedx.model.vulnerability.Vulnerability.Rating();
            r.setSeverity(org.cyclonedx.model.vulnerability.Vulnerability.Rating.Severity.valueOf(
                    v.severity() == org.iotb.model.Severity.NONE ? "NONE" : v.severity().name()));
            if (v.cvssScore() != null) {
                r.setScore(v.cvssScore());
            }
            if (v.cvssVector() != null && v.cvssVector().startsWith("CVSS:3.1/")) {
                r.setMethod(org.cyclonedx.model.vulnerability.Vulnerability.Rating.Method.CVSSV31);
                r.setVector(v.cvssVector());
            } else if (v.cvssVector() != null && v.cvssVector().startsWith("CVSS:3.0/")) {
                r.setMethod(org.cyclonedx.model.vulnerability.Vulnerability.Rating.Method.CVSSV3);
                r.setVector(v.cvssVector());
            }
            x.setRatings(List.of(r));
        }
        List<org.cyclonedx.model.vulnerability.Vulnerability.Advisory> advisories = new ArrayList<>();
        for (String url : v.references()) {
            org.cyclonedx.model.vulnerability.Vulnerability.Advisory a =
                    new org.cyclonedx.model.vulnerability.Vulnerability.Advisory();
            a.setUrl(url);
            advisories.add(a);
        }
        if (!advisories.isEmpty()) {
            x.setAdvisories(advisories);
        }
        return x;
    }

    public void write(Sbom sbom, Path out) throws IOException {
        org.iotb.model.io.SafeOutput.writeString(out, toJson(sbom));
    }

    Bom toBom(Sbom sbom) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.randomUUID());
        bom.setVersion(1);
        Metadata md = new Metadata();
        md.setTimestamp(new Date());
        ToolInformation tools = new ToolInformation();
        org.cyclonedx.model.Component tool = new org.cyclonedx.model.Component();
        tool.setType(org.cyclonedx.model.Component.Type.APPLICATION);
        tool.setName(Tool.NAME);
        tool.setVersion(Tool.version());
        tools.setComponents(List.of(tool));
        md.setToolChoice(tools);
        org.cyclonedx.model.Component subject = new org.cyclonedx.model.Component();
        subject.setType(org.cyclonedx.model.Component.Type.FIRMWARE);
        subject.setName(sbom.subject().name() == null ? "firmware" : sbom.subject().name());
        subject.setBomRef("subject");
        if (sbom.subject().sha256() != null) {
            subject.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, sbom.subject().sha256())));
        }
        md.setComponent(subject);
        bom.setMetadata(md);

        List<org.cyclonedx.model.Component> comps = new ArrayList<>();
        Dependency root = new Dependency("subject");
        Set<String> refs = new HashSet<>();
        for (Component c : sbom.components()) {
            org.cyclonedx.model.Component x = component(c, uniqueRef(c, refs));
            comps.add(x);
            root.addDependency(new Dependency(x.getBomRef()));
        }
        bom.setComponents(comps);
        List<Dependency> deps = new ArrayList<>();
        deps.add(root);
        for (org.cyclonedx.model.Component x : comps) {
            deps.add(new Dependency(x.getBomRef()));
        }
        bom.setDependencies(deps);
        return bom;
    }

    private static String uniqueRef(Component c, Set<String> used) {
        String base = c.purl() != null ? c.purl() : c.id() + "@" + (c.version() == null ? "unknown" : c.version());
        String ref = base;
        for (int i = 2; !used.add(ref); i++) {
            ref = base + "#" + i;
        }
        return ref;
    }

    private static org.cyclonedx.model.Component component(Component c, String ref) {
        org.cyclonedx.model.Component x = new org.cyclonedx.model.Component();
        x.setType(c.id().equals("linux-kernel") ? org.cyclonedx.model.Component.Type.OPERATING_SYSTEM
                : org.cyclonedx.model.Component.Type.LIBRARY);
        x.setBomRef(ref);
        x.setName(c.name());
        if (c.version() != null) {
            x.setVersion(c.version());
        }
        if (c.purl() != null) {
            x.setPurl(c.purl());
        }
        if (c.cpe() != null) {
            x.setCpe(c.cpe());
        }
        org.cyclonedx.model.Evidence ev = new org.cyclonedx.model.Evidence();
        Identity id = new Identity();
        id.setField(c.version() != null ? Identity.Field.VERSION : Identity.Field.NAME);
        id.setConfidence(c.confidence().score());
        if (c.version() != null) {
            id.setConcludedValue(c.version());
        }
        List<Method> methods = new ArrayList<>();
        List<Occurrence> occurrences = new ArrayList<>();
        for (Evidence e : c.evidence()) {
            Method m = new Method();
            m.setTechnique(c.source() == ComponentSource.PACKAGE_DB ? Method.Technique.MANIFEST_ANALYSIS
                    : e.offset() == null ? Method.Technique.FILENAME : Method.Technique.BINARY_ANALYSIS);
            m.setConfidence(c.confidence().score());
            m.setValue(e.excerpt() == null ? e.path() : e.excerpt());
            methods.add(m);
            if (e.path() != null) {
                Occurrence o = new Occurrence();
                o.setLocation(e.path());
                if (e.line() != null) {
                    o.setLine(e.line());
                }
                if (e.offset() != null && e.offset() <= Integer.MAX_VALUE) {
                    o.setOffset(e.offset().intValue());
                }
                occurrences.add(o);
            }
        }
        id.setMethods(methods);
        ev.setIdentities(List.of(id));
        if (!occurrences.isEmpty()) {
            ev.setOccurrences(occurrences);
        }
        x.setEvidence(ev);
        List<Property> props = new ArrayList<>();
        props.add(property("iotb:confidence", c.confidence().id()));
        props.add(property("iotb:source", c.source().id()));
        if (c.packageVersion() != null) {
            props.add(property("iotb:package-version", c.packageVersion()));
        }
        x.setProperties(props);
        return x;
    }

    private static Property property(String name, String value) {
        Property p = new Property();
        p.setName(name);
        p.setValue(value);
        return p;
    }
}
