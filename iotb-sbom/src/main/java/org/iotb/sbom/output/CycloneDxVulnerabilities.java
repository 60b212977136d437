package org.iotb.sbom.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.iotb.sbom.Component;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.vuln.DistroAdvisory;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.VulnMatch;
import org.iotb.sbom.vuln.Vulnerability;
import org.iotb.sbom.vuln.vex.Triage;
import org.iotb.sbom.vuln.vex.VexStatement;

/**
 * The {@code vulnerabilities} section of a CycloneDX BOM: one entry per CVE with its source, rating (CVSS where
 * known), description, advisories, the bom-refs of the components it affects and an {@code analysis}: the lab's
 * VEX statement where there is one, else the distribution's word (fixed in the installed revision → resolved;
 * open or newer fix → exploitable; no advisory → in_triage). A vendor build matched by upstream version alone
 * carries no analysis: nobody has analysed it.
 */
final class CycloneDxVulnerabilities {
    private CycloneDxVulnerabilities() {
    }

    static void add(Bom bom, Sbom sbom, VulnDb db, Triage triage) {
        Map<String, org.cyclonedx.model.vulnerability.Vulnerability> byId = new LinkedHashMap<>();
        java.util.Set<String> refs = new java.util.HashSet<>();
        for (int i = 0; i < sbom.components().size(); i++) {
            Component c = sbom.components().get(i);
            String ref = bom.getComponents().get(i).getBomRef();
            for (Triage.Judged j : triage.judge(db, c)) {
                Vulnerability v = j.match().vulnerability();
                // one entry per CVE and judgement: the same CVE judged differently in two components is two entries
                Analysis analysis = analysis(j);
                String key = v.cveId() + "\u0000" + (analysis == null ? "" : analysis.getState() + "\u0000"
                        + analysis.getJustification() + "\u0000" + analysis.getDetail());
                org.cyclonedx.model.vulnerability.Vulnerability x = byId.computeIfAbsent(key, k -> {
                    org.cyclonedx.model.vulnerability.Vulnerability n = CycloneDxWriter.vuln(v);
                    String ref0 = "vuln-" + v.cveId();
                    String bomRef = ref0;
                    for (int n2 = 2; !refs.add(bomRef); n2++) {
                        bomRef = ref0 + "-" + n2;
                    }
                    n.setBomRef(bomRef);
                    n.setAnalysis(analysis);
                    return n;
                });
                org.cyclonedx.model.vulnerability.Vulnerability.Affect a =
                        new org.cyclonedx.model.vulnerability.Vulnerability.Affect();
                a.setRef(ref);
                List<org.cyclonedx.model.vulnerability.Vulnerability.Affect> affects =
                        x.getAffects() == null ? new ArrayList<>() : new ArrayList<>(x.getAffects());
                affects.add(a);
                x.setAffects(affects);
            }
        }
        if (!byId.isEmpty()) {
            bom.setVulnerabilities(new ArrayList<>(byId.values()));
        }
    }

    private static Analysis analysis(Triage.Judged j) {
        VexStatement s = j.statement();
        if (s != null) {
            Analysis a = new Analysis();
            a.setState(Analysis.State.fromString(s.status().cycloneDxState()));
            Analysis.Justification just = justification(s.justification());
            if (just != null) {
                a.setJustification(just);
            }
            String who = "triage by " + (s.author() == null ? "the lab" : s.author()) + " (" + s.file() + ")";
            a.setDetail((s.detail() == null ? "" : s.detail() + " — ")
                    + (just == null && s.justification() != null ? s.justification() + "; " : "") + who);
            return a;
        }
        VulnMatch m = j.match();
        DistroAdvisory adv = m.advisory();
        String source = adv == null ? "" : " (" + adv.source() + ")";
        return switch (m.basis()) {
            case UPSTREAM_RANGE -> null;
            case DISTRO_FIXED -> analysis(Analysis.State.RESOLVED, adv != null
                    && adv.status() == DistroAdvisory.Status.NOT_AFFECTED ? "the distribution release was never affected"
                    + source : "fixed in distribution revision " + (adv == null ? "?" : adv.fixedVersion()) + source);
            case DISTRO_AFFECTED -> analysis(Analysis.State.EXPLOITABLE, adv != null
                    && adv.status() == DistroAdvisory.Status.OPEN ? "the distribution has no fix yet" + source
                    : "the installed revision is older than the distribution's fix "
                    + (adv == null ? "" : adv.fixedVersion()) + source);
            case BACKPORT_UNKNOWN -> analysis(Analysis.State.IN_TRIAGE,
                    "version in range; distro backport status unknown");
            case CODE_EVIDENCE -> codeEvidence(m);
        };
    }

    /** The image's code proved the fix ("resolved") or that the affected code is not built ("not_affected"). */
    private static Analysis codeEvidence(VulnMatch m) {
        var a = m.applicability();
        boolean resolved = a.state() == org.iotb.sbom.applicability.Applicability.State.RESOLVED;
        Analysis out = analysis(resolved ? Analysis.State.RESOLVED : Analysis.State.NOT_AFFECTED,
                "by the image's code: " + a.reason());
        Analysis.Justification just = justification(a.justification());
        if (!resolved && just != null) {
            out.setJustification(just);
        }
        return out;
    }

    private static Analysis analysis(Analysis.State state, String detail) {
        Analysis a = new Analysis();
        a.setState(state);
        a.setDetail(detail);
        return a;
    }

    /** CycloneDX justifications as they are, OpenVEX ones mapped to their CycloneDX counterpart. */
    static Analysis.Justification justification(String j) {
        if (j == null) {
            return null;
        }
        String k = j.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "component_not_present", "vulnerable_code_not_present" -> Analysis.Justification.CODE_NOT_PRESENT;
            case "vulnerable_code_not_in_execute_path" -> Analysis.Justification.CODE_NOT_REACHABLE;
            case "vulnerable_code_cannot_be_controlled_by_adversary" -> Analysis.Justification.REQUIRES_ENVIRONMENT;
            case "inline_mitigations_already_exist" -> Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL;
            default -> Analysis.Justification.fromString(k);
        };
    }
}
