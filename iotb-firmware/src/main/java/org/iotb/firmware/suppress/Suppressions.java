package org.iotb.firmware.suppress;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Json;
import org.iotb.model.Outcome;

/**
 * Accepted risks: YAML list of {check, path (glob), justification, expires: yyyy-mm-dd}. A matching evidence
 * entry is removed from a failing finding and recorded under data.suppressed; when nothing is left the finding
 * becomes INFO with data.suppressedOutcome keeping the original outcome (the marker). Expired entries stop
 * applying and produce a warning.
 */
public final class Suppressions {
    /** One accepted risk. */
    public record Entry(String check, String path, String justification, LocalDate expires) { }

    private final List<Entry> entries;
    private final LocalDate today;

    public Suppressions(List<Entry> entries, LocalDate today) {
        this.entries = List.copyOf(entries);
        this.today = today;
    }

    public static Suppressions none() {
        return new Suppressions(List.of(), LocalDate.now());
    }

    public static Suppressions load(Path yaml) throws IOException {
        org.iotb.model.io.InputFiles.requireFile(yaml, "suppressions");
        try (InputStream in = Files.newInputStream(yaml)) {
            return parse(in, LocalDate.now());
        }
    }

    public static Suppressions parse(InputStream yaml, LocalDate today) throws IOException {
        List<Entry> list = Json.yaml().readValue(yaml, new TypeReference<List<Entry>>() { });
        List<Entry> valid = new ArrayList<>();
        for (Entry e : list == null ? List.<Entry>of() : list) {
            if (e == null || e.check() == null || e.check().isBlank()) {
                throw new IOException("suppression without a check id");
            }
            if (e.justification() == null || e.justification().isBlank()) {
                throw new IOException("suppression of " + e.check() + " has no justification");
            }
            valid.add(e);
        }
        return new Suppressions(valid, today);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Warnings for entries whose expiry date has passed (they no longer apply). */
    public List<String> expiredWarnings() {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (expired(e)) {
                out.add("suppression of " + e.check() + (e.path() == null ? "" : " for " + e.path())
                        + " expired on " + e.expires() + " and no longer applies");
            }
        }
        return out;
    }

    private boolean expired(Entry e) {
        return e.expires() != null && e.expires().isBefore(today);
    }

    public List<Finding> apply(List<Finding> findings) {
        if (entries.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(apply(f));
        }
        return out;
    }

    private Finding apply(Finding f) {
        if (f.outcome() != Outcome.FAIL && f.outcome() != Outcome.WARNING) {
            return f;
        }
        List<Entry> active = entries.stream().filter(e -> e.check().equals(f.check()) && !expired(e)).toList();
        if (active.isEmpty()) {
            return f;
        }
        List<Evidence> kept = new ArrayList<>();
        List<Map<String, Object>> suppressed = new ArrayList<>();
        for (Evidence ev : f.evidence()) {
            Entry hit = active.stream().filter(e -> matches(e, ev)).findFirst().orElse(null);
            if (hit == null) {
                kept.add(ev);
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", ev.path() == null ? "" : ev.path());
                m.put("justification", hit.justification());
                if (hit.expires() != null) {
                    m.put("expires", hit.expires().toString());
                }
                suppressed.add(m);
            }
        }
        boolean wholeFinding = f.evidence().isEmpty() && active.stream().anyMatch(e -> e.path() == null);
        if (suppressed.isEmpty() && !wholeFinding) {
            return f;
        }
        Map<String, Object> data = new LinkedHashMap<>(f.data());
        data.put("suppressed", suppressed);
        if (kept.isEmpty()) {
            data.put("suppressedOutcome", f.outcome().id());
            return new Finding(f.check(), Outcome.INFO, f.severity(), "suppressed: " + f.message(), f.evidence(),
                    data);
        }
        return new Finding(f.check(), f.outcome(), f.severity(), f.message() + " (" + suppressed.size()
                + " suppressed)", kept, data);
    }

    private static boolean matches(Entry e, Evidence ev) {
        if (e.path() == null || e.path().isBlank() || e.path().equals("**")) {
            return true;
        }
        if (ev.path() == null) {
            return false;
        }
        String glob = e.path().startsWith("/") ? e.path().substring(1) : e.path();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return m.matches(Path.of(ev.path()));
    }
}
