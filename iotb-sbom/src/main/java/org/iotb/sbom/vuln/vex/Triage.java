package org.iotb.sbom.vuln.vex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iotb.sbom.Component;
import org.iotb.sbom.applicability.Applicability;
import org.iotb.sbom.applicability.ApplicabilityJudge;

/**
 * The lab's triage: every statement of the VEX files given with {@code --vex}, and the question the checks ask of
 * it, "what was said about this CVE in this component?" ({@link #statementFor}). A statement names its products by
 * purl (matched with or without version and qualifiers: a purl without a version covers every version) or by
 * {@code name@version} / {@code name} (the component's name or catalogue id, case-insensitive). When several
 * statements match, the last file given wins (a later file refines an earlier one).
 */
public final class Triage {
    public static final Triage NONE = new Triage(List.of(), List.of());

    private final List<VexStatement> statements;
    private final List<String> warnings;
    /** What the image's own code proves (fix markers, code not built), so outputs agree with the checks. */
    private final ApplicabilityJudge code;

    public Triage(List<VexStatement> statements, List<String> warnings) {
        this(statements, warnings, ApplicabilityJudge.none());
    }

    private Triage(List<VexStatement> statements, List<String> warnings, ApplicabilityJudge code) {
        this.statements = List.copyOf(statements);
        this.warnings = List.copyOf(warnings);
        this.code = code;
    }

    /** This triage, also judging each match by the image's code (as {@code SbomChecks.withCodeEvidence} does). */
    public Triage withCodeEvidence(ApplicabilityJudge judge) {
        return new Triage(statements, warnings, judge);
    }

    /** Reads every file (CycloneDX VEX or OpenVEX); statements that cannot be applied become warnings. */
    public static Triage read(List<Path> files) throws IOException {
        if (files == null || files.isEmpty()) {
            return NONE;
        }
        List<VexStatement> all = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        VexReader reader = new VexReader();
        for (Path f : files) {
            VexReader.VexFile vf = reader.read(f);
            all.addAll(vf.statements());
            warnings.addAll(vf.warnings());
        }
        return new Triage(all, warnings);
    }

    public List<VexStatement> statements() {
        return statements;
    }

    /** Statements that were not applied, and why. */
    public List<String> warnings() {
        return warnings;
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The statement about {@code cve} in this component, if any (the last matching one). */
    public Optional<VexStatement> statementFor(Component c, String cve) {
        VexStatement found = null;
        for (VexStatement s : statements) {
            if (s.vulnerability().equalsIgnoreCase(cve) && s.products().stream().anyMatch(p -> covers(p, c))) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** One known vulnerability of a component as the outputs show it: the database's match and the lab's word. */
    public record Judged(org.iotb.sbom.vuln.VulnMatch match, VexStatement statement) {
        /** The lab's statement, else what the match's basis says (distribution fixed / affected / undecided). */
        public VexStatus status() {
            if (statement != null) {
                return statement.status();
            }
            return switch (match.basis()) {
                case DISTRO_FIXED -> VexStatus.FIXED;
                case CODE_EVIDENCE -> match.applicability().state() == Applicability.State.RESOLVED ? VexStatus.FIXED
                        : VexStatus.NOT_AFFECTED;
                case BACKPORT_UNKNOWN -> VexStatus.UNDER_INVESTIGATION;
                default -> VexStatus.AFFECTED;
            };
        }
    }

    /** Every known vulnerability of {@code c} ({@link org.iotb.sbom.vuln.VulnDb#assess}) with the lab's statement. */
    public List<Judged> judge(org.iotb.sbom.vuln.VulnDb db, Component c) {
        return db.withExploitData(db.assess(c)).stream().map(m -> code.decide(c, m))
                .map(m -> new Judged(m, statementFor(c, m.vulnerability().cveId()).orElse(null))).toList();
    }

    /** True if the product reference names this component. */
    static boolean covers(String product, Component c) {
        String p = product.trim();
        if (p.startsWith("pkg:")) {
            return c.purl() != null && purlCovers(p, c.purl());
        }
        int at = p.lastIndexOf('@');
        String name = at > 0 ? p.substring(0, at) : p;
        String version = at > 0 ? p.substring(at + 1) : null;
        boolean nameMatches = name.equalsIgnoreCase(c.name()) || name.equalsIgnoreCase(c.id());
        return nameMatches && (version == null || version.equals(c.version()) || version.equals(c.packageVersion()));
    }

    /** {@code pkg:generic/dropbear} covers every version; {@code pkg:generic/dropbear@2019.78} ignores qualifiers. */
    static boolean purlCovers(String stated, String actual) {
        String s = stripQualifiers(stated);
        String a = stripQualifiers(actual);
        if (s.equalsIgnoreCase(a)) {
            return true;
        }
        if (s.indexOf('@') < 0) {
            int at = a.indexOf('@');
            return (at < 0 ? a : a.substring(0, at)).equalsIgnoreCase(s);
        }
        // a version written with '+' or '%2B' is the same version
        return decode(s).equalsIgnoreCase(decode(a));
    }

    private static String stripQualifiers(String purl) {
        int cut = purl.length();
        for (char ch : new char[] {'?', '#'}) {
            int i = purl.indexOf(ch);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return purl.substring(0, cut);
    }

    private static String decode(String s) {
        return s.replace("%2B", "+").replace("%2b", "+").toLowerCase(Locale.ROOT);
    }
}
