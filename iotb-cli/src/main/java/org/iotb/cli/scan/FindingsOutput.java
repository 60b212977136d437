package org.iotb.cli.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.iotb.cli.UserInputException;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.Outcome;
import org.iotb.model.ScanResult;
import org.iotb.report.SarifReport;

/** Renders the result of `iotb scan firmware|device` as a table for people, JSON or SARIF for machines. */
public final class FindingsOutput {
    public static final List<String> FORMATS = List.of("table", "json", "sarif");
    private static final int EVIDENCE_SHOWN = 5;

    private FindingsOutput() {
    }

    public static String render(ScanResult result, String format) throws JsonProcessingException {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> Json.mapper().writeValueAsString(result) + "\n";
            case "sarif" -> SarifReport.render(result) + "\n";
            case "table" -> table(result);
            default -> throw new UserInputException("--format must be one of " + FORMATS);
        };
    }

    /** Where evidence lines start: under the message, past the outcome, severity and check columns. */
    private static final String INDENT = " ".repeat(9 + 9 + 33);

    /** The severity column: a failing or warning finding's severity, "-" where a finding has none (pass, info). */
    static String severity(Finding f) {
        return f.severity() == null ? "-" : f.severity().id();
    }

    static String table(ScanResult result) {
        StringBuilder b = new StringBuilder();
        b.append(result.target()).append(result.targetSha256() == null ? "" : "  sha256 " + result.targetSha256()).append('\n');
        // worst first: outcome, then severity within it
        List<Finding> sorted = result.findings().stream()
                .sorted(Comparator.comparing((Finding f) -> rank(f.outcome()))
                        .thenComparing((Finding f) -> f.severity() == null ? 0 : -f.severity().ordinal())
                        .thenComparing(Finding::check)).toList();
        b.append(String.format("%-8s %-8s %-32s %s%n", "OUTCOME", "SEVERITY", "CHECK", "MESSAGE"));
        for (Finding f : sorted) {
            b.append(String.format("%-8s %-8s %-32s %s%n", f.outcome().id().toUpperCase(Locale.ROOT), severity(f), f.check(),
                    oneLine(f.message())));
            if (f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARNING) {
                List<Evidence> ev = f.evidence();
                for (int i = 0; i < Math.min(EVIDENCE_SHOWN, ev.size()); i++) {
                    b.append(INDENT).append("• ").append(describeEvidence(ev.get(i))).append('\n');
                }
                if (ev.size() > EVIDENCE_SHOWN) {
                    b.append(INDENT).append("… and ").append(ev.size() - EVIDENCE_SHOWN)
                            .append(" more (see --format json)\n");
                }
            }
        }
        long fails = result.findings().stream().filter(f -> f.outcome() == Outcome.FAIL).count();
        long warns = result.findings().stream().filter(f -> f.outcome() == Outcome.WARNING).count();
        long passes = result.findings().stream().filter(f -> f.outcome() == Outcome.PASS).count();
        b.append(String.format("%n%d fail, %d warning, %d pass, %d other%n", fails, warns, passes,
                result.findings().size() - fails - warns - passes));
        result.warnings().forEach(w -> b.append("warning: ").append(w).append('\n'));
        return b.toString();
    }

    public static String describeEvidence(Evidence e) {
        StringBuilder s = new StringBuilder();
        if (e.path() != null) {
            s.append(e.path());
            if (e.line() != null) {
                s.append(':').append(e.line());
            }
            if (e.offset() != null) {
                s.append(" @0x").append(Long.toHexString(e.offset()));
            }
        }
        if (e.host() != null) {
            s.append(e.host()).append(e.port() == null ? "" : ":" + e.port()).append(e.protocol() == null ? "" : "/" + e.protocol());
        }
        String text = e.excerpt() != null ? e.excerpt() : e.reply();
        if (text != null) {
            s.append("  ").append(oneLine(text));
        }
        return s.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case FAIL -> 0;
            case WARNING -> 1;
            case ERROR -> 2;
            case NOT_RUN -> 3;
            case INFO -> 4;
            case PASS -> 5;
        };
    }

    /** 1 when any finding fails (or warns, with failOn "warning"), else 0: for CI gates. */
    public static int exitCode(ScanResult result, String failOn) {
        return switch (failOn) {
            case "none" -> 0;
            case "warning" -> result.findings().stream().anyMatch(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.WARNING) ? 1 : 0;
            default -> result.findings().stream().anyMatch(f -> f.outcome() == Outcome.FAIL) ? 1 : 0;
        };
    }
}
