package org.iotb.cli.assess;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iotb.assess.Assessment;
import org.iotb.assess.Verdict;

/** The console's line under a derived view's totals: "derived view (indicative) from EN 303 645 5.1-1, 5.1-2, …". */
final class DerivedSummary {
    private DerivedSummary() {
    }

    /** Empty unless every verdict of {@code standard} is derived. */
    static String line(Assessment a, String standard) {
        List<Verdict> vs = a.verdictsOf(standard);
        if (vs.isEmpty() || !vs.stream().allMatch(Verdict::derived)) {
            return "";
        }
        Set<String> sources = new LinkedHashSet<>();
        Set<String> standards = new LinkedHashSet<>();
        vs.forEach(v -> v.derivedFrom().forEach(s -> {
            sources.add(s.requirement());
            standards.add(s.standard());
        }));
        List<String> names = standards.stream().map(id -> a.summary().stream().filter(s -> s.standard().equals(id))
                .map(s -> s.shortTitle() == null ? id : s.shortTitle()).findFirst().orElse(id)).toList();
        List<String> ids = sources.stream().limit(6).toList();
        return "derived view (indicative): verdicts derived from " + String.join(", ", names) + " "
                + String.join(", ", ids) + (sources.size() > ids.size() ? ", …" : "");
    }

}
