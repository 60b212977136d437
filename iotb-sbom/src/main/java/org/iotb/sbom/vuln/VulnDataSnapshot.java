package org.iotb.sbom.vuln;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What vulnerability data a judgement rested on ("stated data"): each source with its record count, the date of
 * its newest record and when it was imported, the totals, and whether only the bundled starter set was there.
 * Every SBOM, assessment and report names it, so a reader can tell a clean result on current data from a clean
 * result on a 58-record sample two years old. Built by {@link VulnDb#snapshot()}.
 *
 * @param newestRecord the newest record date over all sources (null when no source states one)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VulnDataSnapshot(List<Source> sources, int records, LocalDate newestRecord, boolean starterSetOnly) {

    /** Oldest newest-record a "no known vulnerability" may rest on, unless {@code --max-vulndb-age} says otherwise. */
    public static final int DEFAULT_MAX_AGE_DAYS = 30;

    /** The bundled set's source name. */
    public static final String STARTER = "starter";

    /**
     * One source of the store. {@code importedAt} is null for the bundled starter set; {@code newestRecord} is the
     * newest record's date as the feed states it or, for files imported without one, the import date.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String name, int records, LocalDate newestRecord, Instant importedAt) {
    }

    public VulnDataSnapshot {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Whole days from the newest record to {@code today}; null when no date is known. */
    public Long ageDays(LocalDate today) {
        return newestRecord == null ? null : Math.max(0, ChronoUnit.DAYS.between(newestRecord, today));
    }

    /**
     * Why this data cannot settle a "no known vulnerability" judgement, or null when it can: only the starter set,
     * no dated record, or a newest record older than {@code maxAgeDays}.
     */
    public String insufficiency(LocalDate today, int maxAgeDays) {
        if (starterSetOnly) {
            return "only the bundled starter set of " + records + " well-known CVEs was available";
        }
        Long age = ageDays(today);
        if (age == null) {
            return "no vulnerability record states its date";
        }
        if (age > maxAgeDays) {
            return "the newest vulnerability record is " + age + " days old (more than the " + maxAgeDays
                    + " days allowed by --max-vulndb-age)";
        }
        return null;
    }

    /** "vulnerability data: starter set, 58 records, newest 2024-07-01, 884 days old" (one line for people). */
    public String describe(LocalDate today) {
        String what = starterSetOnly ? "starter set"
                : sources.stream().filter(s -> s.records() > 0).map(Source::name).collect(Collectors.joining("+"));
        Long age = ageDays(today);
        return String.format(Locale.ROOT, "vulnerability data: %s, %d records, newest %s, %s", what, records,
                newestRecord == null ? "unknown" : newestRecord.toString(),
                age == null ? "age unknown" : age + (age == 1 ? " day old" : " days old"));
    }
}
