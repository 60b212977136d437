package org.iotb.firmware.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.model.Sha256;

/** Small helpers every check uses to shape its one finding. */
public final class Results {
    /** Evidence entries kept per finding; the message still counts all of them. */
    public static final int MAX_EVIDENCE = 200;

    private Results() {
    }

    public static List<Finding> one(Finding f) {
        return List.of(f);
    }

    /** FAIL (or WARNING) with evidence when {@code hits} is non-empty, else PASS saying what was examined. */
    public static List<Finding> failOrPass(String id, Outcome whenFound, Severity sev, String foundMsg,
                                           List<Evidence> hits, String passMsg, List<Evidence> lookedAt) {
        if (!hits.isEmpty()) {
            return List.of(new Finding(id, whenFound, sev, foundMsg, cap(hits), null));
        }
        return List.of(Finding.pass(id, passMsg, cap(lookedAt)));
    }

    public static <T> List<T> cap(List<T> list) {
        return list.size() <= MAX_EVIDENCE ? list : new ArrayList<>(list.subList(0, MAX_EVIDENCE));
    }

    public static Finding info(String id, String message, List<Evidence> evidence, Map<String, Object> data) {
        return new Finding(id, Outcome.INFO, null, message, cap(evidence), data);
    }

    public static String sha256(String s) {
        return Sha256.of(s);
    }

    public static String sha256(byte[] b) {
        return Sha256.of(b);
    }

    /** Trims a source line for an excerpt. */
    public static String excerpt(String line) {
        String t = line.strip();
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }

    /** Shows the first two characters of a secret and masks the rest, so excerpts never leak the value. */
    public static String mask(String secret) {
        if (secret.length() <= 2) {
            return "***";
        }
        return secret.substring(0, 2) + "*".repeat(Math.min(6, secret.length() - 2));
    }

    /** "a, b, c (+N more)" for messages. */
    public static String list(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " (+" + (items.size() - max) + " more)";
    }
}
