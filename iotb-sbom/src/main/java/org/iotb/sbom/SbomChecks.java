package org.iotb.sbom;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.model.check.Check;
import org.iotb.model.check.CheckRunner;
import org.iotb.sbom.outdated.OutdatedRules;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.Vulnerability;

/**
 * Turns an SBOM into findings: {@code sbom.inventory} (info, the component list as data),
 * {@code sbom.component-vulnerable} (one fail per vulnerable component, with its CVEs and severities, or one pass
 * naming what was checked) and {@code sbom.outdated} (a warning per component on an end-of-life line; fail when
 * that component is also vulnerable).
 */
public final class SbomChecks {
    public static final String INVENTORY = "sbom.inventory";
    public static final String VULNERABLE = "sbom.component-vulnerable";
    public static final String OUTDATED = "sbom.outdated";
    /** Most components named in a pass message; the rest are counted. */
    private static final int MAX_NAMED = 40;

    private final VulnDb db;
    private final OutdatedRules outdated;
    private final LocalDate today;

    public SbomChecks(VulnDb db) {
        this(db, OutdatedRules.bundled(), LocalDate.now(ZoneOffset.UTC));
    }

    public SbomChecks(VulnDb db, OutdatedRules outdated, LocalDate today) {
        this.db = db;
        this.outdated = outdated;
        this.today = today;
    }

    /** All three checks' findings for one SBOM, run under the shared {@link CheckRunner} policy. */
    public List<Finding> run(Sbom sbom) {
        return CheckRunner.sequential().run(checks(), sbom).findings();
    }

    /**
     * The SBOM checks in the shared {@link Check} contract: the inventory, and the vulnerability and end-of-life
     * judgements together (an outdated component fails only when it is also vulnerable, so they share the match).
     */
    public List<Check<Sbom>> checks() {
        return List.of(new SbomCheck("inventory", List.of(INVENTORY), sbom -> List.of(inventory(sbom))),
                new SbomCheck("vulnerabilities", List.of(VULNERABLE, OUTDATED), sbom -> {
                    Map<Component, List<Vulnerability>> vulnerable = vulnerable(sbom);
                    List<Finding> out = new ArrayList<>(vulnerabilityFindings(sbom, vulnerable));
                    out.addAll(outdatedFindings(sbom, vulnerable));
                    return out;
                }));
    }

    private record SbomCheck(String name, List<String> checkIds, Function<Sbom, List<Finding>> body)
            implements Check<Sbom> {
        @Override
        public List<Finding> run(Sbom sbom) {
            return body.apply(sbom);
        }
    }

    /** Convenience for callers that have no store: the bundled starter set only. */
    public static List<Finding> runBundled(Sbom sbom) {
        return new SbomChecks(VulnDb.bundled()).run(sbom);
    }

    Finding inventory(Sbom sbom) {
        List<Map<String, Object>> list = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Component c : sbom.components()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("version", c.version());
            m.put("purl", c.purl());
            m.put("cpe", c.cpe());
            m.put("confidence", c.confidence().id());
            m.put("source", c.source().id());
            m.put("evidence", c.evidence());
            m.values().removeIf(java.util.Objects::isNull);
            list.add(m);
            if (!c.evidence().isEmpty() && evidence.size() < 50) {
                evidence.add(c.evidence().get(0));
            }
        }
        long fromDb = sbom.components().stream().filter(c -> c.source() == ComponentSource.PACKAGE_DB).count();
        long versioned = sbom.components().stream().filter(Component::hasVersion).count();
        String msg = sbom.components().size() + " components identified (" + fromDb + " from package databases, "
                + (sbom.components().size() - fromDb) + " from signatures; " + versioned + " with a version)"
                + statsNote(sbom);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("components", list);
        data.put("subject", sbom.subject());
        return new Finding(INVENTORY, Outcome.INFO, null, msg, evidence, data);
    }

    private static String statsNote(Sbom sbom) {
        Object scanned = sbom.stats().get("filesScanned");
        return scanned == null ? "" : "; " + scanned + " files read for signatures";
    }

    private Map<Component, List<Vulnerability>> vulnerable(Sbom sbom) {
        Map<Component, List<Vulnerability>> m = new LinkedHashMap<>();
        for (Component c : sbom.components()) {
            List<Vulnerability> v = db.match(c);
            if (!v.isEmpty()) {
                m.put(c, v);
            }
        }
        return m;
    }

    List<Finding> vulnerabilityFindings(Sbom sbom, Map<Component, List<Vulnerability>> vulnerable) {
        List<Component> versioned = sbom.components().stream().filter(Component::hasVersion).toList();
        if (versioned.isEmpty()) {
            return List.of(Finding.notRun(VULNERABLE, "no component with a known version was identified"));
        }
        if (vulnerable.isEmpty()) {
            return List.of(Finding.pass(VULNERABLE, "no known vulnerability affects the " + versioned.size()
                    + " versioned components checked (" + sources() + "): " + names(versioned), List.of())
                    .withData(Map.of("checked", versioned.stream().map(SbomChecks::label).toList())));
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Component, List<Vulnerability>> e : vulnerable.entrySet()) {
            Component c = e.getKey();
            List<Vulnerability> vs = e.getValue();
            Severity worst = vs.stream().map(Vulnerability::severity).filter(java.util.Objects::nonNull)
                    .max(Enum::compareTo).orElse(Severity.MEDIUM);
            String ids = vs.stream().limit(12).map(v -> v.cveId() + " (" + (v.severity() == null ? "?"
                    : v.severity().id()) + ")").collect(Collectors.joining(", "));
            boolean distro = isDistributionPackage(c);
            String msg = label(c) + " is affected by " + vs.size() + " known vulnerabilit"
                    + (vs.size() == 1 ? "y" : "ies") + ": " + ids + (vs.size() > 12 ? ", …" : "")
                    + " (matched by version, " + c.confidence().id() + " confidence identification)"
                    + (distro ? "; distribution package " + c.packageVersion() + ": the distribution may have"
                    + " back-ported fixes, check its security tracker" : "");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("component", componentData(c));
            data.put("vulnerabilities", vs.stream().map(SbomChecks::vulnData).toList());
            // a distribution patches without changing the upstream version: matching by version would accuse
            // falsely, so it is a warning to verify, not a failure
            out.add(new Finding(VULNERABLE, distro ? Outcome.WARNING : Outcome.FAIL, worst, msg, c.evidence(), data));
        }
        return out;
    }

    /** Known only from a Debian/Alpine package record (not from the binary itself). */
    static boolean isDistributionPackage(Component c) {
        return c.source() == ComponentSource.PACKAGE_DB && !c.evidence().isEmpty()
                && c.evidence().stream().allMatch(e -> DISTRIBUTION_DBS.contains(e.path()));
    }

    private static final java.util.Set<String> DISTRIBUTION_DBS =
            java.util.Set.of("var/lib/dpkg/status", "lib/apk/db/installed");

    List<Finding> outdatedFindings(Sbom sbom, Map<Component, List<Vulnerability>> vulnerable) {
        List<Component> judged = sbom.components().stream()
                .filter(c -> c.hasVersion() && outdated.covers(c.id())).toList();
        if (judged.isEmpty()) {
            return List.of(Finding.notRun(OUTDATED, "no identified component has a known release-line policy"));
        }
        List<Finding> out = new ArrayList<>();
        for (Component c : judged) {
            Optional<OutdatedRules.Verdict> v = outdated.check(c, today);
            if (v.isEmpty()) {
                continue;
            }
            boolean alsoVulnerable = vulnerable.containsKey(c);
            String msg = label(c) + " is on an outdated release line: " + v.get().explanation()
                    + (alsoVulnerable ? "; it also has known vulnerabilities" : "");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("component", componentData(c));
            data.put("reason", v.get().explanation());
            data.put("source", v.get().rule().source());
            out.add(new Finding(OUTDATED, alsoVulnerable ? Outcome.FAIL : Outcome.WARNING,
                    alsoVulnerable ? Severity.MEDIUM : Severity.LOW, msg, c.evidence(), data));
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(OUTDATED, "none of the " + judged.size() + " components with a release-line "
                    + "policy is on an end-of-life line as of " + today + ": " + names(judged), List.of()));
        }
        return out;
    }

    private String sources() {
        Map<String, Object> s = db.status();
        return "starter set " + s.get("starter") + ", NVD " + s.getOrDefault("nvd", 0) + ", OSV "
                + s.getOrDefault("osv", 0) + " records";
    }

    private static String names(List<Component> cs) {
        String named = cs.stream().limit(MAX_NAMED).map(SbomChecks::label).collect(Collectors.joining(", "));
        return cs.size() > MAX_NAMED ? named + " and " + (cs.size() - MAX_NAMED) + " more" : named;
    }

    static String label(Component c) {
        return c.name() + (c.hasVersion() ? " " + c.version() : "");
    }

    private static Map<String, Object> componentData(Component c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("version", c.version());
        m.put("purl", c.purl());
        m.put("cpe", c.cpe());
        m.put("confidence", c.confidence().id());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    private static Map<String, Object> vulnData(Vulnerability v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.cveId());
        m.put("severity", v.severity() == null ? null : v.severity().id());
        m.put("cvss", v.cvssScore());
        m.put("summary", v.summary());
        m.put("source", v.source());
        m.put("references", v.references());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }
}
