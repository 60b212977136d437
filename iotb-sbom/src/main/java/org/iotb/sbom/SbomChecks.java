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
import org.iotb.sbom.applicability.Applicability;
import org.iotb.sbom.applicability.ApplicabilityJudge;
import org.iotb.sbom.outdated.OutdatedRules;
import org.iotb.sbom.distro.Distro;
import org.iotb.sbom.vuln.DistroAdvisory;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.VulnMatch;
import org.iotb.sbom.vuln.Vulnerability;
import org.iotb.sbom.vuln.vex.Triage;
import org.iotb.sbom.vuln.vex.VexStatus;

/**
 * Turns an SBOM into findings: {@code sbom.inventory} (info, the component list as data),
 * {@code sbom.component-vulnerable} (one fail per vulnerable component, with its CVEs and severities, or one pass
 * naming what was checked) and {@code sbom.outdated} (a warning per component on an end-of-life line; fail when
 * that component is also vulnerable).
 *
 * <p>Given the unpacked tree ({@link #withCodeEvidence}), a version match the component's own code rules out — the
 * fix's marker in its binaries, the affected code or kernel subsystem not built ({@link ApplicabilityJudge}) — is
 * not claimed: it is named in an info finding with the analysis state and the evidence.
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
    /** The lab's VEX statements (issue #13): not_affected/fixed take a CVE out of the verdicts, kept in the data. */
    private final Triage triage;
    /** Oldest vulnerability data a "none found" may rest on, in days; null: the data's age is not judged. */
    private final Integer maxDataAgeDays;
    /** Reads the component binaries for code evidence that rules a CVE out (none: versions alone decide). */
    private final ApplicabilityJudge code;

    public SbomChecks(VulnDb db) {
        this(db, OutdatedRules.bundled(), LocalDate.now(ZoneOffset.UTC));
    }

    public SbomChecks(VulnDb db, OutdatedRules outdated, LocalDate today) {
        this(db, outdated, today, Triage.NONE, null, ApplicabilityJudge.none());
    }

    private SbomChecks(VulnDb db, OutdatedRules outdated, LocalDate today, Triage triage, Integer maxDataAgeDays,
            ApplicabilityJudge code) {
        this.db = db;
        this.outdated = outdated;
        this.today = today;
        this.triage = triage == null ? Triage.NONE : triage;
        this.maxDataAgeDays = maxDataAgeDays;
        this.code = code;
    }

    /** These checks applying the lab's triage (VEX statements). */
    public SbomChecks withTriage(Triage t) {
        return new SbomChecks(db, outdated, today, t, maxDataAgeDays, code);
    }

    /**
     * These checks judging the vulnerability data's age: when only the starter set is there, or its newest record is
     * older than {@code days}, "no known vulnerability" is a warning that cannot settle a requirement
     * (finding data {@code cannotSettle}), never a pass. A vulnerable component found still fails.
     */
    public SbomChecks withMaxDataAge(int days) {
        return new SbomChecks(db, outdated, today, triage, days, code);
    }

    /** These checks, also reading the component binaries of this unpacked tree for code evidence. */
    public SbomChecks withCodeEvidence(org.iotb.firmware.tree.FileTree tree) {
        return withCodeEvidence(ApplicabilityJudge.of(tree));
    }

    /** These checks, asking this judge (one judge reads each binary once, whoever asks). */
    public SbomChecks withCodeEvidence(ApplicabilityJudge judge) {
        return new SbomChecks(db, outdated, today, triage, maxDataAgeDays, judge);
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
                    Map<Component, List<VulnMatch>> assessed = assessed(sbom);
                    List<Finding> out = new ArrayList<>(vulnerabilityFindings(sbom, assessed));
                    out.addAll(outdatedFindings(sbom, vulnerable(assessed)));
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

    /** Every component with at least one match, whatever its basis. */
    private Map<Component, List<VulnMatch>> assessed(Sbom sbom) {
        Map<Component, List<VulnMatch>> m = new LinkedHashMap<>();
        for (Component c : sbom.components()) {
            // a CVE the lab triaged as not affected or fixed leaves the verdicts (triagedFindings keeps it in view);
            // the image's own code may rule out the rest (not what the distribution already fixed); KEV/EPSS rank them
            List<VulnMatch> v = db.withExploitData(db.assess(c).stream().filter(x -> !triagedOut(c, x))
                    .map(x -> code.decide(c, x)).toList());
            if (!v.isEmpty()) {
                m.put(c, v);
            }
        }
        return m;
    }

    /** The components claimed affected or undecided (those the distribution fixed or the code rules out are not). */
    private static Map<Component, List<Vulnerability>> vulnerable(Map<Component, List<VulnMatch>> assessed) {
        Map<Component, List<Vulnerability>> m = new LinkedHashMap<>();
        assessed.forEach((c, ms) -> {
            List<Vulnerability> open = ms.stream().filter(x -> x.basis() != VulnMatch.Basis.DISTRO_FIXED
                            && x.basis() != VulnMatch.Basis.CODE_EVIDENCE)
                    .map(VulnMatch::vulnerability).toList();
            if (!open.isEmpty()) {
                m.put(c, open);
            }
        });
        return m;
    }

    List<Finding> vulnerabilityFindings(Sbom sbom, Map<Component, List<VulnMatch>> assessed) {
        List<Component> versioned = sbom.components().stream().filter(Component::hasVersion).toList();
        if (versioned.isEmpty()) {
            return List.of(Finding.notRun(VULNERABLE, "no component with a known version was identified"));
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Component, List<VulnMatch>> e : assessed.entrySet()) {
            Component c = e.getKey();
            List<VulnMatch> claimed = e.getValue().stream().filter(m -> m.claimed() || confirmed(c, m)).toList();
            List<VulnMatch> unknown = e.getValue().stream()
                    .filter(m -> m.basis() == VulnMatch.Basis.BACKPORT_UNKNOWN && !confirmed(c, m)).toList();
            if (!claimed.isEmpty()) {
                out.add(claimedFinding(c, claimed));
            } else if (!unknown.isEmpty()) {
                out.add(backportUnknownFinding(c, unknown));
            }
        }
        String insufficient = maxDataAgeDays == null ? null : db.snapshot().insufficiency(today, maxDataAgeDays);
        if (out.isEmpty() && insufficient == null) {
            out.add(Finding.pass(VULNERABLE, "no known vulnerability affects the " + versioned.size()
                    + " versioned components checked (" + sources() + "): " + names(versioned), List.of())
                    .withData(Map.of("checked", versioned.stream().map(SbomChecks::label).toList())));
        } else if (insufficient != null && out.stream().noneMatch(f -> f.outcome() == Outcome.FAIL)) {
            out.add(staleDataFinding(versioned, insufficient));
        }
        out.addAll(triagedFindings(sbom));
        for (Map.Entry<Component, List<VulnMatch>> e : assessed.entrySet()) {
            List<VulnMatch> fixed = e.getValue().stream()
                    .filter(m -> m.basis() == VulnMatch.Basis.DISTRO_FIXED).toList();
            if (!fixed.isEmpty()) {
                out.add(distroFixedFinding(e.getKey(), fixed));
            }
            List<VulnMatch> ruledOut = e.getValue().stream()
                    .filter(m -> m.basis() == VulnMatch.Basis.CODE_EVIDENCE).toList();
            if (!ruledOut.isEmpty()) {
                out.add(codeEvidenceFinding(e.getKey(), ruledOut));
            }
        }
        return out;
    }

    private Finding claimedFinding(Component c, List<VulnMatch> matches) {
        List<Vulnerability> vs = sorted(matches);
        Severity worst = vs.stream().map(Vulnerability::severity).filter(java.util.Objects::nonNull)
                .max(Enum::compareTo).orElse(Severity.MEDIUM);
        boolean byDistro = matches.stream().allMatch(m -> m.basis() == VulnMatch.Basis.DISTRO_AFFECTED);
        // a package record without the binary's own word: the distribution may have patched, so a warning
        boolean distro = !byDistro && isDistributionPackage(c);
        String msg = label(c) + " is affected by " + vs.size() + " known vulnerabilit"
                + (vs.size() == 1 ? "y" : "ies") + ": " + ids(vs)
                + (byDistro ? " (" + distroName(c) + " package " + c.packageVersion() + " is older than the "
                + "distribution's fix or has none yet: " + fixes(matches) + ")"
                : " (matched by version, " + c.confidence().id() + " confidence identification)")
                + (distro ? "; distribution package " + c.packageVersion() + ": the distribution may have"
                + " back-ported fixes, check its security tracker" : "") + exploitedNote(matches);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("component", componentData(c));
        data.put("vulnerabilities", matches.stream().map(m -> vulnData(c, m)).toList());
        return new Finding(VULNERABLE, distro ? Outcome.WARNING : Outcome.FAIL, worst, msg, c.evidence(), data);
    }

    /**
     * Known only from a Debian/Alpine package record (not from the binary itself). Such components are distribution
     * builds and judged through {@link VulnDb#assess}; this remains for records of a distribution iotb cannot name.
     */
    static boolean isDistributionPackage(Component c) {
        return c.source() == ComponentSource.PACKAGE_DB && !c.evidence().isEmpty()
                && c.evidence().stream().allMatch(e -> e.path() != null && DISTRIBUTION_DBS.stream()
                        .anyMatch(db -> e.path().equals(db) || e.path().endsWith("/" + db)));
    }

    private static final java.util.Set<String> DISTRIBUTION_DBS =
            java.util.Set.of("var/lib/dpkg/status", "lib/apk/db/installed");

    /** Upstream version in range, distribution build, no advisory of that distribution: undecided. */
    private Finding backportUnknownFinding(Component c, List<VulnMatch> matches) {
        List<Vulnerability> vs = sorted(matches);
        Severity worst = vs.stream().map(Vulnerability::severity).filter(java.util.Objects::nonNull)
                .max(Enum::compareTo).orElse(Severity.MEDIUM);
        String msg = label(c) + ": version in range; distro backport status unknown for " + vs.size()
                + " known vulnerabilit" + (vs.size() == 1 ? "y" : "ies") + ": " + ids(vs) + " (" + distroName(c)
                + " build" + (c.packageVersion() == null ? "" : " " + c.packageVersion())
                + (Distro.parseKey(c.distro()).release() == null ? "; its release is unknown" : "")
                + "; no advisory of that distribution is in the vulnerability store: import its security tracker"
                + " or OSV data to decide)" + exploitedNote(matches);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("component", componentData(c));
        data.put("vulnerabilities", matches.stream().map(m -> vulnData(c, m)).toList());
        return new Finding(VULNERABLE, Outcome.WARNING, worst, msg, c.evidence(), data);
    }

    /** CVEs an installed distribution revision already fixes: named, not claimed. */
    private static Finding distroFixedFinding(Component c, List<VulnMatch> matches) {
        String msg = label(c) + " (" + distroName(c) + " package " + c.packageVersion() + "): " + matches.size()
                + " vulnerabilit" + (matches.size() == 1 ? "y" : "ies") + " in the upstream range not claimed: "
                + fixes(matches);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("component", componentData(c));
        data.put("fixedByDistribution", matches.stream().map(SbomChecks::vulnData).toList());
        return new Finding(VULNERABLE, Outcome.INFO, null, msg, c.evidence(), data);
    }

    /** CVEs in range by version that the component's own code rules out: named with the proof, not claimed. */
    private static Finding codeEvidenceFinding(Component c, List<VulnMatch> matches) {
        String msg = label(c) + ": " + matches.size() + " vulnerabilit" + (matches.size() == 1 ? "y" : "ies")
                + " in the version range ruled out by the image's code: " + matches.stream().limit(12).map(m -> {
                    Applicability a = m.applicability();
                    return m.vulnerability().cveId() + " " + a.state().id()
                            + (a.justification() == null ? "" : " (" + a.justification() + ")") + ": " + c.name() + " "
                            + a.reason();
                }).collect(Collectors.joining("; ")) + (matches.size() > 12 ? "; …" : "");
        List<Evidence> evidence = new ArrayList<>();
        matches.forEach(m -> m.applicability().evidence().stream().filter(e -> !evidence.contains(e))
                .forEach(evidence::add));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("component", componentData(c));
        data.put("ruledOutByCode", matches.stream().map(SbomChecks::vulnData).toList());
        return new Finding(VULNERABLE, Outcome.INFO, null, msg,
                evidence.subList(0, Math.min(evidence.size(), Component.MAX_EVIDENCE)), data);
    }

    /** Known-exploited (CISA KEV) first, then most severe first. */
    private static List<Vulnerability> sorted(List<VulnMatch> matches) {
        java.util.Set<String> kev = matches.stream().filter(m -> m.knownExploited() != null)
                .map(m -> m.vulnerability().cveId()).collect(Collectors.toSet());
        List<Vulnerability> vs = new ArrayList<>(matches.stream().map(VulnMatch::vulnerability).toList());
        vs.sort(java.util.Comparator.comparing((Vulnerability v) -> !kev.contains(v.cveId()))
                .thenComparing(java.util.Comparator.comparing((Vulnerability v) -> v.severity() == null ? -1
                        : v.severity().ordinal()).reversed()).thenComparing(Vulnerability::cveId));
        return vs;
    }

    /** "; known exploited (CISA KEV): CVE-2023-4911 (added 2023-11-21)", or nothing without KEV data. */
    private static String exploitedNote(List<VulnMatch> matches) {
        List<String> kev = matches.stream().filter(m -> m.knownExploited() != null)
                .map(m -> m.vulnerability().cveId() + (m.knownExploited().dateAdded() == null ? ""
                        : " (added " + m.knownExploited().dateAdded() + ")")).sorted().toList();
        return kev.isEmpty() ? "" : "; known exploited (CISA KEV): " + String.join(", ", kev);
    }

    private static String ids(List<Vulnerability> vs) {
        return vs.stream().limit(12).map(v -> v.cveId() + " (" + (v.severity() == null ? "?"
                : v.severity().id()) + ")").collect(Collectors.joining(", ")) + (vs.size() > 12 ? ", …" : "");
    }

    /** "CVE-2023-4911 fixed in Debian revision 2.36-9+deb12u3 (debian-tracker)", one per match. */
    private static String fixes(List<VulnMatch> matches) {
        return matches.stream().limit(12).map(m -> {
            DistroAdvisory a = m.advisory();
            String what = a == null ? "no advisory"
                    : a.status() == DistroAdvisory.Status.NOT_AFFECTED ? "release not affected"
                    : a.status() == DistroAdvisory.Status.OPEN ? "no fix yet"
                    : "fixed in " + distroFamilyName(a.distro()) + " revision " + a.fixedVersion();
            return m.vulnerability().cveId() + " " + what + (a == null ? "" : " (" + a.source() + ")");
        }).collect(Collectors.joining(", ")) + (matches.size() > 12 ? ", …" : "");
    }

    private static String distroName(Component c) {
        Distro d = Distro.parseKey(c.distro());
        return distroFamilyName(c.distro()) + (d.release() == null ? "" : " " + d.release());
    }

    private static String distroFamilyName(String key) {
        String f = Distro.parseKey(key).family();
        return f.isEmpty() ? f : Character.toUpperCase(f.charAt(0)) + f.substring(1);
    }

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
        m.put("distro", c.distro());
        m.put("packageVersion", c.distro() == null ? null : c.packageVersion());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    private static Map<String, Object> vulnData(VulnMatch match) {
        Map<String, Object> m = vulnData(match.vulnerability());
        DistroAdvisory a = match.advisory();
        if (a != null) {
            Map<String, Object> adv = new LinkedHashMap<>();
            adv.put("distro", a.distro());
            adv.put("package", a.sourcePackage());
            adv.put("status", a.status().id());
            adv.put("fixedVersion", a.fixedVersion());
            adv.put("id", a.id());
            adv.put("source", a.source());
            adv.values().removeIf(java.util.Objects::isNull);
            m.put("distroAdvisory", adv);
        }
        Applicability code = match.applicability();
        if (code != null) {
            Map<String, Object> analysis = new LinkedHashMap<>();
            analysis.put("state", code.state().id());
            analysis.put("justification", code.justification());
            analysis.put("detail", code.reason());
            analysis.put("evidence", code.evidence());
            analysis.put("references", code.references());
            analysis.values().removeIf(java.util.Objects::isNull);
            m.put("analysis", analysis);
        }
        if (match.basis() != VulnMatch.Basis.UPSTREAM_RANGE) {
            m.put("basis", match.basis().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (match.knownExploited() != null) { // present only when the KEV catalog was imported
            Map<String, Object> kev = new LinkedHashMap<>();
            kev.put("source", "CISA KEV");
            kev.put("dateAdded", match.knownExploited().dateAdded());
            kev.put("ransomware", match.knownExploited().ransomware());
            kev.values().removeIf(java.util.Objects::isNull);
            m.put("knownExploited", kev);
        }
        if (match.epss() != null) {
            m.put("epss", Map.of("score", match.epss().score(), "percentile", match.epss().percentile()));
        }
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

    // ---- stated data and triage (issue #13) ----

    /** No vulnerability found, on data too small or too old to say so: a warning no pass can rest on. */
    private Finding staleDataFinding(List<Component> versioned, String why) {
        String msg = "no known vulnerability is claimed for the " + versioned.size() + " versioned components checked,"
                + " but " + why + ": this cannot show that none is affected (" + db.snapshot().describe(today)
                + "; import current data with 'iotb vulndb import')";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("checked", versioned.stream().map(SbomChecks::label).toList());
        data.put("cannotSettle", why); // read by the verdict engine: this check's result cannot make a pass
        return new Finding(VULNERABLE, Outcome.WARNING, Severity.LOW, msg, List.of(), data);
    }

    private boolean triagedOut(Component c, VulnMatch m) {
        return triage.statementFor(c, m.vulnerability().cveId()).map(s -> s.status().removesFromVerdicts())
                .orElse(false);
    }

    /** The lab confirmed the component affected (VEX "affected"): claimed, even where the backport was undecided. */
    private boolean confirmed(Component c, VulnMatch m) {
        return triage.statementFor(c, m.vulnerability().cveId()).map(s -> s.status() == VexStatus.AFFECTED)
                .orElse(false);
    }

    /** One info finding per component with CVEs the lab's VEX took out of the verdicts, each with who said why. */
    private List<Finding> triagedFindings(Sbom sbom) {
        if (triage.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Component c : sbom.components()) {
            List<VulnMatch> removed = db.assess(c).stream().filter(m -> triagedOut(c, m)).toList();
            if (removed.isEmpty()) {
                continue;
            }
            String msg = label(c) + ": " + removed.size() + " vulnerabilit" + (removed.size() == 1 ? "y" : "ies")
                    + " not counted, by the lab's triage: " + removed.stream().limit(12)
                    .map(m -> m.vulnerability().cveId() + " " + triage.statementFor(c, m.vulnerability().cveId())
                            .orElseThrow().describe()).collect(Collectors.joining("; "));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("component", componentData(c));
            data.put("triaged", removed.stream().map(m -> vulnData(c, m)).toList());
            out.add(new Finding(VULNERABLE, Outcome.INFO, null, msg, c.evidence(), data));
        }
        return out;
    }

    /** The vulnerability's data plus, when the lab said something about it, the statement ({@code vex}). */
    private Map<String, Object> vulnData(Component c, VulnMatch m) {
        Map<String, Object> d = vulnData(m);
        triage.statementFor(c, m.vulnerability().cveId()).ifPresent(s -> d.put("vex", s.toData()));
        return d;
    }
}
