package org.iotb.assess.verdict;

import java.util.List;
import java.util.Map;
import org.iotb.assess.Examination;

/**
 * What a verdict is decided under beyond its requirement's own findings: the profile claims that the evidence
 * contradicts and that this requirement's applicability read (each in words; the verdict then carries
 * {@code conflict}), and how far each input could be examined (by input name; missing means fully).
 */
public record Circumstances(List<String> contradictedClaims, Map<String, Examination> examinations) {

    public static final Circumstances NONE = new Circumstances(List.of(), Map.of());

    public Circumstances {
        contradictedClaims = contradictedClaims == null ? List.of() : List.copyOf(contradictedClaims);
        examinations = examinations == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(examinations));
    }

    public Examination examination(String input) {
        return input == null ? Examination.FULL : examinations.getOrDefault(input, Examination.FULL);
    }
}
