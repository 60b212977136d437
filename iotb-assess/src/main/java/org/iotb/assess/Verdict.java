package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The verdict on one requirement. {@code applicabilityReason} says why it does or does not apply. {@code status} is mandatory|recommended; {@code findings} are the check ids
 * whose findings decided it; {@code basis} says what the verdict rests on ({@link Basis}); {@code conflict} is true
 * when automated evidence and a claim (the declaration or the profile) disagree.
 * Clause, title and remediation are copied from the catalog so reports render from the assessment alone.
 * {@code derivedFrom} (schema 3.2, absent from the JSON otherwise) lists, for a derived view's requirement, the
 * requirements its verdict was derived from with their verdicts and bases ({@code verdict.DerivedVerdicts}).
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
        String remediation,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<DerivedSource> derivedFrom) {

    public Verdict {
        findings = findings == null ? List.of() : List.copyOf(findings);
        checks = checks == null ? List.of() : List.copyOf(checks);
        basis = basis == null ? Basis.NONE : basis;
        derivedFrom = derivedFrom == null ? null : List.copyOf(derivedFrom);
    }

    /** A verdict decided on its own evidence (not derived from other requirements' verdicts). */
    public Verdict(String standard, String requirement, String clause, String clauseTitle, String title, String status,
                   Applicable applicable, String applicabilityReason, VerdictValue verdict, Basis basis, String reason,
                   List<String> findings, DeclarationRef declaration, boolean conflict, boolean automated,
                   List<String> checks, String remediation) {
        this(standard, requirement, clause, clauseTitle, title, status, applicable, applicabilityReason, verdict, basis,
                reason, findings, declaration, conflict, automated, checks, remediation, null);
    }

    /** Whether it was derived from other requirements' verdicts (a derived view's requirement). */
    public boolean derived() {
        return derivedFrom != null;
    }

    public boolean mandatory() {
        return "mandatory".equals(status);
    }

    public String key() {
        return standard + ":" + requirement;
    }
}
