package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The verdict on one requirement. {@code applicabilityReason} says why it does or does not apply. {@code status} is mandatory|recommended; {@code findings} are the check ids
 * whose findings decided it; {@code basis} says what the verdict rests on ({@link Basis}); {@code conflict} is true
 * when automated evidence and a claim (the declaration or the profile) disagree.
 * Clause, title and remediation are copied from the catalog so reports render from the assessment alone.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Verdict(
        String standard,
        String requirement,
        String clause,
        String clauseTitle,
        String title,
        String status,
        Applicable applicable,
        String applicabilityReason,
        VerdictValue verdict,
        Basis basis,
        String reason,
        List<String> findings,
        DeclarationRef declaration,
        boolean conflict,
        boolean automated,
        List<String> checks,
        String remediation) {

    public Verdict {
        findings = findings == null ? List.of() : List.copyOf(findings);
        checks = checks == null ? List.of() : List.copyOf(checks);
        basis = basis == null ? Basis.NONE : basis;
    }

    public boolean mandatory() {
        return "mandatory".equals(status);
    }

    public String key() {
        return standard + ":" + requirement;
    }
}
