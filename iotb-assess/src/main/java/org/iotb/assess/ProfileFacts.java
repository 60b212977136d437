package org.iotb.assess;

import java.util.List;
import java.util.Map;

/**
 * The product profile as assessed: {@code declared} is the profile file as given (a JSON tree), {@code effective}
 * the profile applicability was decided on (declared + inferred device facts and OS), {@code inferred} the facts
 * filled in from firmware evidence, {@code contradictions} where evidence disagrees with the declaration.
 */
public record ProfileFacts(Map<String, Object> declared, Map<String, Object> effective, List<InferredFact> inferred,
                           List<Contradiction> contradictions) {
    public ProfileFacts {
        declared = declared == null ? Map.of() : declared;
        effective = effective == null ? declared : effective;
        inferred = inferred == null ? List.of() : List.copyOf(inferred);
        contradictions = contradictions == null ? List.of() : List.copyOf(contradictions);
    }
}
