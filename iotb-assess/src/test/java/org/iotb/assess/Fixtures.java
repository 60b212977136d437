package org.iotb.assess;

import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Condition;
import org.iotb.catalog.Crosswalk;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.Status;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/** Small synthetic catalog pieces and findings for tests (no bundled data needed). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Requirement req(String id, boolean automated, List<String> checks) {
        return new Requirement("std-a", id, id.substring(0, id.indexOf('-') < 0 ? id.length() : id.indexOf('-')),
                "Clause " + id, "Title of " + id, "Summary", Status.MANDATORY, null, null, null, checks, automated,
                "Does it?", "Fix " + id, null);
    }

    public static Requirement conditional(String id, int condition, List<String> checks) {
        return new Requirement("std-a", id, "5.1", "No universal default passwords", "Title of " + id, null,
                Status.MANDATORY, List.of(condition), null, null, checks, true, null, "Fix " + id, null);
    }

    public static Requirement ifAny(String id, String token, List<String> checks) {
        return new Requirement("std-a", id, "5.9", "Resilience", "Title of " + id, null,
                Status.RECOMMENDED, null, null, List.of(token), checks, true, null, null, null);
    }

    public static Catalog catalog(Requirement... reqs) {
        Standard s = new Standard("std-a", "Standard A", "A", "1.0", null,
                List.of(new Condition(1, "Passwords are used", "passwords", true)), null, null, List.of(reqs));
        return new Catalog(List.of(s), new Crosswalk(Map.of()), Catalog.load().tokenKinds());
    }

    public static AssessedFinding af(String check, Outcome o, String message) {
        return new AssessedFinding("unit1.bin", check, o, o == Outcome.FAIL ? Severity.HIGH : null, message,
                List.of(Evidence.file("etc/shadow")), null);
    }

    public static Finding secret(String check, String path, String fingerprint) {
        return new Finding(check, Outcome.FAIL, Severity.HIGH, "secret at " + path,
                List.of(Evidence.file(path).withFingerprint(fingerprint)), null);
    }
}
