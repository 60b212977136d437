package org.iotb.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Checks;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.model.Severity;
import org.iotb.model.Tool;

/**
 * SARIF 2.1.0 for code-scanning dashboards: one run, rules from the registered check descriptors, a result per
 * failing or warning finding. File evidence becomes a physical location relative to the unpacked image of the
 * input it came from (uriBaseId = the input name, declared in originalUriBaseIds); device evidence a logical
 * location "host:port". Each result's properties name the requirements it bears on and, for an assessment, their
 * verdicts with what each rests on ({@code verdicts}: requirement, verdict, basis, conflict); the run's properties
 * split each standard's passes by basis ({@code passesByBasis}) and list the conflicts.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SarifReport() {
    }

    /** SARIF of an assessment: every failing/warning finding of every input. */
    public static String render(Assessment a) {
        List<Sourced> findings = new ArrayList<>();
        for (AssessedFinding f : a.findings()) {
            if (f.check() != null && f.outcome() != null) {
                findings.add(new Sourced(f.source(), f.toFinding()));
            }
        }
        ObjectNode root = build(findings, check -> Requirements.of(a, check));
        ObjectNode run = (ObjectNode) root.get("runs").get(0);
        for (JsonNode r : run.get("results")) {
            ArrayNode verdicts = ((ObjectNode) r.get("properties")).putArray("verdicts");
            for (Verdict v : Requirements.verdictsOf(a, r.get("ruleId").asText())) {
                ObjectNode o = verdicts.addObject();
                o.put("requirement", v.key());
                o.put("verdict", v.verdict().id());
                o.put("basis", v.basis().id());
                o.put("conflict", v.conflict());
            }
        }
        ObjectNode props = (ObjectNode) run.get("properties");
        ObjectNode byStandard = props.putObject("passesByBasis");
        for (StandardSummary s : a.summary()) {
            ObjectNode o = byStandard.putObject(s.standard());
            o.put("pass", s.count(VerdictValue.PASS));
            for (Basis b : List.of(Basis.VERIFIED, Basis.DECLARED_CONSISTENT, Basis.DECLARED, Basis.INFERRED)) {
                o.put(b.id(), s.passes(b));
            }
            o.put("text", BasisText.passSplit(s));
        }
        props.put("verified", BasisText.verifiedStatement(a));
        ArrayNode conflicts = props.putArray("conflicts");
        for (Verdict v : BasisText.conflicts(a)) {
            conflicts.addObject().put("requirement", v.key()).put("verdict", v.verdict().id()).put("basis", v.basis().id())
                    .put("reason", v.reason());
        }
        return write(root);
    }

    /** SARIF of one {@code iotb scan} result (no requirements: a scan knows nothing of standards). */
    public static String render(ScanResult scan) {
        String source = scan.target() == null ? "IMAGE" : baseName(scan.target());
        List<Sourced> findings = scan.findings().stream().filter(f -> f.check() != null && f.outcome() != null)
                .map(f -> new Sourced(source, f)).toList();
        return write(build(findings, check -> List.of()));
    }

    private record Sourced(String source, Finding finding) {
    }

    private static ObjectNode build(List<Sourced> findings, Function<String, List<String>> requirements) {
        Map<String, CheckDescriptor> rules = new LinkedHashMap<>();
        for (CheckDescriptor d : Checks.all()) {
            rules.put(d.id(), d);
        }
        for (Sourced s : findings) {
            rules.putIfAbsent(s.finding().check(), new CheckDescriptor(s.finding().check(), null, null, null, null, null, null));
        }
        List<String> ruleIds = new ArrayList<>(rules.keySet());

        ObjectNode root = NODES.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", Tool.NAME);
        driver.put("version", Tool.version());
        driver.put("semanticVersion", Tool.version());
        ArrayNode ruleArray = driver.putArray("rules");
        for (CheckDescriptor d : rules.values()) {
            ruleArray.add(rule(d, requirements.apply(d.id())));
        }

        Map<String, String> bases = new LinkedHashMap<>();
        ArrayNode results = run.putArray("results");
        for (Sourced s : findings) {
            Finding f = s.finding();
            String level = level(f);
            // CVEs the lab's VEX took out of the verdicts: reported, as suppressed results with the lab's reason
            boolean triaged = f.data() != null && f.data().get("triaged") != null;
            if (level == null && !triaged) {
                continue;
            }
            level = level == null ? "note" : level;
            ObjectNode r = results.addObject();
            r.put("ruleId", f.check());
            r.put("ruleIndex", ruleIds.indexOf(f.check()));
            r.put("level", level);
            r.putObject("message").put("text", f.message() == null || f.message().isBlank() ? f.check() : f.message());
            String base = baseId(s.source());
            ArrayNode locations = NODES.arrayNode();
            for (Evidence e : f.evidence()) {
                ObjectNode loc = location(e, base);
                if (loc != null) {
                    locations.add(loc);
                    if (e.path() != null) {
                        bases.putIfAbsent(base, s.source());
                    }
                }
            }
            if (!locations.isEmpty()) {
                r.set("locations", locations);
            }
            if (triaged) {
                r.putArray("suppressions").addObject().put("kind", "external").put("status", "accepted")
                        .put("justification", f.message());
            }
            ObjectNode props = r.putObject("properties");
            props.put("source", s.source());
            props.put("outcome", f.outcome().id());
            if (f.severity() != null) {
                props.put("severity", f.severity().id());
            }
            ArrayNode reqs = props.putArray("requirements");
            requirements.apply(f.check()).forEach(reqs::add);
        }
        if (!bases.isEmpty()) {
            ObjectNode ob = run.putObject("originalUriBaseIds");
            bases.forEach((id, source) -> ob.putObject(id).putObject("description")
                    .put("text", "root of the unpacked file system of " + source));
        }
        run.putObject("properties").put("generatedBy", Tool.nameAndVersion());
        return root;
    }

    private static ObjectNode rule(CheckDescriptor d, List<String> requirements) {
        ObjectNode r = NODES.objectNode();
        r.put("id", d.id());
        if (d.title() != null) {
            r.putObject("shortDescription").put("text", d.title());
        }
        if (d.description() != null) {
            r.putObject("fullDescription").put("text", d.description());
        }
        String help = d.remediation() == null ? d.rationale() : d.remediation();
        if (help != null) {
            r.putObject("help").put("text", help);
        }
        ObjectNode props = r.putObject("properties");
        if (d.source() != null) {
            props.putArray("tags").add(d.source());
        }
        if (d.rationale() != null) {
            props.put("rationale", d.rationale());
        }
        ArrayNode reqs = props.putArray("requirements");
        requirements.forEach(reqs::add);
        return r;
    }

    /** error for a failure (warning for a low-severity one), warning for a warning; other outcomes are not results. */
    static String level(Finding f) {
        if (f.outcome() == Outcome.FAIL) {
            return f.severity() == Severity.LOW || f.severity() == Severity.NONE ? "warning" : "error";
        }
        return f.outcome() == Outcome.WARNING ? "warning" : null;
    }

    private static ObjectNode location(Evidence e, String base) {
        ObjectNode loc = NODES.objectNode();
        if (e.path() != null && !e.path().isBlank()) {
            ObjectNode physical = loc.putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", uri(e.path()));
            artifact.put("uriBaseId", base);
            if (e.line() != null && e.line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", e.line());
                if (e.excerpt() != null) {
                    region.putObject("snippet").put("text", e.excerpt());
                }
            } else if (e.offset() != null && e.offset() >= 0) {
                physical.putObject("region").put("byteOffset", e.offset());
            }
            if (e.excerpt() != null) {
                loc.putObject("message").put("text", e.excerpt());
            }
            return loc;
        }
        if (e.host() != null) {
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            String name = e.host() + (e.port() == null ? "" : ":" + e.port());
            logical.put("name", name);
            logical.put("fullyQualifiedName", (e.protocol() == null ? "" : e.protocol() + "://") + name);
            logical.put("kind", "resource");
            String text = e.reply() != null ? "reply: " + e.reply() : e.request() != null ? "request: " + e.request() : null;
            if (text != null) {
                loc.putObject("message").put("text", text);
            }
            return loc;
        }
        return null;
    }

    /** A relative URI reference for a path in the unpacked image; odd characters are percent-encoded. */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            StringBuilder b = new StringBuilder();
            for (byte c : p.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/._-~".indexOf(c) >= 0) {
                    b.append((char) c);
                } else {
                    b.append('%').append(String.format("%02X", c & 0xff));
                }
            }
            return b.toString();
        }
    }

    /** uriBaseIds are plain tokens; input names are file names or hosts. */
    static String baseId(String source) {
        String s = source == null || source.isBlank() ? "IMAGE" : source;
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String baseName(String target) {
        String t = target.replace('\\', '/');
        int slash = t.lastIndexOf('/');
        return slash >= 0 && slash < t.length() - 1 ? t.substring(slash + 1) : t;
    }

    private static String write(ObjectNode root) {
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
