package org.iotb.catalog.derived;

import java.util.List;

/**
 * How a requirement of a derived view takes its verdict from requirements of other standards (catalog field
 * {@code derived-from}, docs/catalog-format.md "Derived views"): the {@code sources} it reads, the {@code rule}
 * that combines their verdicts ({@link #ALL_OF}, the only rule so far), and why those sources answer it
 * ({@code rationale}, our words). {@code confidence} is {@code null} when the row's mapping is confirmed by its public
 * source, or {@code "unverified"} with the reason in {@code confidenceNote} when it could not be confirmed.
 */
public record Derivation(List<Source> sources, String rule, String rationale, String confidence, String confidenceNote) {
    /** Every source must pass; one failing source fails it; see docs/assessment.md "Derived verdicts". */
    public static final String ALL_OF = "all-of";
    /** The rules the loader accepts. */
    public static final List<String> RULES = List.of(ALL_OF);
    /** The confidence word for a row whose mapping the public source did not confirm. */
    public static final String UNVERIFIED = "unverified";

    public Derivation {
        sources = List.copyOf(sources);
        rule = rule == null ? ALL_OF : rule;
    }

    /** One requirement a derived verdict reads: its standard id and requirement id. */
    public record Source(String standard, String id) {
        /** "etsi-en-303-645:5.1-1", as {@code Requirement.key()} writes it. */
        public String key() {
            return standard + ":" + id;
        }
    }

    public boolean unverified() {
        return UNVERIFIED.equals(confidence);
    }

    /** The source standards, in the order the sources name them, each once. */
    public List<String> sourceStandards() {
        return sources.stream().map(Source::standard).distinct().toList();
    }
}
