package org.iotb.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.model.Evidence;
import org.iotb.model.Json;
import org.iotb.model.Outcome;
import org.iotb.model.Tool;

/**
 * NIST OSCAL 1.1.2 assessment-results JSON: one result whose reviewed controls are every requirement, an
 * observation per finding (method EXAMINE for what was read from firmware or derived across inputs, TEST for what a
 * live device answered), per declaration and per deciding profile fact (method INTERVIEW: the manufacturer's word),
 * and an OSCAL finding per decided requirement (pass → satisfied, fail → not-satisfied) whose {@code basis} prop
 * (namespace {@value #NS}) says what it rests on, with a {@code conflict} prop where evidence contradicts a claim.
 * The methods of the related observations follow the basis: verified → EXAMINE/TEST only, declared → INTERVIEW only,
 * declared+consistent → INTERVIEW and EXAMINE/TEST. Inconclusive, not-assessed and not-applicable
 * requirements get no OSCAL finding (OSCAL has no state for them); the result's remarks count them.
 * UUIDs are name-based (version 5) so the same assessment always gives the same document.
 */
public final class OscalReport {
    public static final String OSCAL_VERSION = "1.1.2";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The namespace of iotb's own OSCAL props (basis, conflict). */
    public static final String NS = "urn:iotb:oscal";
    private static final UUID NAMESPACE = UUID.fromString("6f1c1e4a-2b6d-5b8e-9c1a-2d4e8f0a7b3c");

    private OscalReport() {
    }

    public static String render(Assessment a) {
        String seed = (a.createdAt() == null ? "" : a.createdAt().toString()) + "|" + a.product().displayName()
                + "|" + String.join(",", a.inputs().stream().map(i -> String.valueOf(i.sha256())).toList());
        Instant when = a.createdAt() == null ? Instant.EPOCH : a.createdAt();
        ObjectNode root = NODES.objectNode();
        ObjectNode ar = root.putObject("assessment-results");
        ar.put("uuid", uuid(seed, "document").toString());
        ObjectNode meta = ar.putObject("metadata");
        meta.put("title", "iotb assessment: " + a.product().displayName());
        meta.put("last-modified", when.toString());
        meta.put("version", a.tool() == null ? Tool.version() : a.tool().version());
        meta.put("oscal-version", OSCAL_VERSION);
        ar.putObject("import-ap").put("href", "#iotb-profile-and-catalog");

        ObjectNode result = ar.putArray("results").addObject();
        result.put("uuid", uuid(seed, "result").toString());
        result.put("title", "Assessment of " + a.product().displayName());
        result.put("description", "Automated firmware and device checks by " + Tool.NAME
                + " with the manufacturer's declarations, against " + a.summary().size() + " consumer-IoT baselines.");
        result.put("start", when.toString());
        ArrayNode include = result.putObject("reviewed-controls").putArray("control-selections").addObject()
                .putArray("include-controls");
        for (Verdict v : a.verdicts()) {
            include.addObject().put("control-id", token(v.key()));
        }

        ArrayNode observations = result.putArray("observations");
        Map<AssessedFinding, String> observationOf = new IdentityHashMap<>();
        int n = 0;
        for (AssessedFinding f : a.findings()) {
            if (f.outcome() == Outcome.NOT_RUN) {
                continue;
            }
            String id = uuid(seed, "observation-" + n++).toString();
            observationOf.put(f, id);
            ObjectNode o = observations.addObject();
            o.put("uuid", id);
            o.put("title", f.check() + " (" + f.outcome().id() + ")");
            o.put("description", f.message() == null || f.message().isBlank() ? f.check() : f.message());
            o.putArray("methods").add(method(a, f.source()));
            o.putArray("types").add("finding");
            o.put("collected", when.toString());
            ArrayNode evidence = NODES.arrayNode();
            for (Evidence e : f.evidence().subList(0, Math.min(20, f.evidence().size()))) {
                evidence.addObject().put("description", "in " + f.source() + ": " + where(e));
            }
            if (!evidence.isEmpty()) {
                o.set("relevant-evidence", evidence);
            }
        }
        ArrayNode findings = result.putArray("findings");
        int undecided = 0;
        for (Verdict v : a.verdicts()) {
            if (v.verdict() != VerdictValue.PASS && v.verdict() != VerdictValue.FAIL) {
                undecided++;
                continue;
            }
            ArrayNode related = NODES.arrayNode();
            for (AssessedFinding f : a.findingsOf(v.checks())) {
                String obs = observationOf.get(f);
                if (obs != null && v.findings().contains(f.check())) {
                    related.addObject().put("observation-uuid", obs);
                }
            }
            if (v.declaration() != null) {
                String id = uuid(seed, "declaration-" + v.key()).toString();
                ObjectNode o = observations.addObject();
                o.put("uuid", id);
                o.put("title", "declaration " + v.declaration().support() + " for " + v.key());
                o.put("description", v.declaration().detail() == null || v.declaration().detail().isBlank()
                        ? "declared " + v.declaration().support() : v.declaration().detail());
                o.putArray("methods").add("INTERVIEW");
                o.put("collected", when.toString());
                related.addObject().put("observation-uuid", id);
            }
            if (v.basis() == Basis.INFERRED) {
                // the product profile decided it: a claim by the manufacturer, as a declaration is
                String id = uuid(seed, "profile-" + v.key()).toString();
                ObjectNode o = observations.addObject();
                o.put("uuid", id);
                o.put("title", "product profile for " + v.key());
                o.put("description", v.applicabilityReason() == null || v.applicabilityReason().isBlank()
                        ? "stated in the product profile" : v.applicabilityReason());
                o.putArray("methods").add("INTERVIEW");
                o.put("collected", when.toString());
                related.addObject().put("observation-uuid", id);
            }
            ObjectNode f = findings.addObject();
            f.put("uuid", uuid(seed, "finding-" + v.key()).toString());
            f.put("title", v.key() + " " + (v.title() == null ? "" : v.title()));
            f.put("description", v.reason());
            ArrayNode props = f.putArray("props");
            props.addObject().put("name", "basis").put("ns", NS).put("value", v.basis().id());
            if (v.conflict()) {
                props.addObject().put("name", "conflict").put("ns", NS).put("value", "true");
            }
            ObjectNode target = f.putObject("target");
            target.put("type", "statement-id");
            target.put("target-id", token(v.key()));
            ObjectNode status = target.putObject("status");
            status.put("state", v.verdict() == VerdictValue.PASS ? "satisfied" : "not-satisfied");
            status.put("reason", v.verdict() == VerdictValue.PASS ? "pass" : "fail");
            status.put("remarks", "rests on: " + BasisText.label(v.basis()) + " (" + BasisText.meaning(v.basis()) + ")"
                    + (v.conflict() ? "; conflict: automated evidence contradicts a declaration or the profile" : ""));
            if (!related.isEmpty()) {
                f.set("related-observations", related);
            }
        }
        if (observations.isEmpty()) {
            result.remove("observations");
        }
        if (findings.isEmpty()) {
            result.remove("findings");
        }
        List<String> splits = a.summary().stream().map(s -> s.standard() + ": " + BasisText.passSplit(s)).toList();
        String verified = BasisText.verifiedStatement(a);
        result.put("remarks", (verified.isEmpty() ? "" : verified + " ") + String.join("; ", splits) + ". "
                + undecided + " requirement(s) are inconclusive, not assessed or not applicable and have"
                + " no OSCAL finding; see the iotb assessment JSON. Inputs: " + inputs(a.inputs()));
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** EXAMINE for evidence read from firmware or derived across inputs; TEST for what a live device answered. */
    static String method(Assessment a, String source) {
        for (InputRecord r : a.inputs()) {
            if (r.kind() == InputKind.DEVICE && source != null && (source.equals(r.host()) || source.equals(r.name()))) {
                return "TEST";
            }
        }
        return "EXAMINE";
    }

    /** OSCAL tokens: a letter or underscore, then letters, digits, '.', '-' or '_'. */
    static String token(String s) {
        String t = s.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return t.isEmpty() || !(Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') ? "_" + t : t;
    }

    /** RFC 4122 version-5 (SHA-1, name-based) UUID. */
    static UUID uuid(String seed, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16);
            ns.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(ns.array());
            sha1.update((seed + "/" + name).getBytes(StandardCharsets.UTF_8));
            byte[] h = sha1.digest();
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer bb = ByteBuffer.wrap(h, 0, 16);
            return new UUID(bb.getLong(), bb.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(Evidence e) {
        if (e.path() != null) {
            return e.path() + (e.line() != null ? ":" + e.line() : e.offset() != null ? " @" + e.offset() : "");
        }
        if (e.host() != null) {
            return e.host() + (e.port() == null ? "" : ":" + e.port());
        }
        return e.fingerprint() != null ? "fingerprint " + e.fingerprint() : "(no location)";
    }

    private static String inputs(List<InputRecord> inputs) {
        return String.join("; ", inputs.stream().map(i -> i.kind().id() + " " + (i.name() != null ? i.name() : i.host())
                + (i.sha256() == null ? "" : " sha256 " + i.sha256())).toList());
    }
}
