package org.iotb.sbom.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.model.Json;

/**
 * Builds the {@link VulnDataSnapshot} of a store: the starter set's date from {@code starter-set.yaml}, and for
 * every imported source its record count and, from the import log ({@code imports.json}, read as plain JSON so
 * that fields added to the log by the feed clients are seen), the newest record date and the last import.
 */
final class SnapshotReader {
    private static final String STARTER_META = "/org/iotb/sbom/starter-set.yaml";
    /** Which import formats feed which store file. */
    private static final Map<String, Set<String>> FORMATS = Map.of(
            "nvd", Set.of("nvd", "mixed"),
            "osv", Set.of("osv", "mixed"),
            "distro", Set.of("debian-tracker", "osv"));

    private SnapshotReader() {
    }

    /** The starter set's newest record date, as its data file states it. */
    static LocalDate starterNewest() {
        try (InputStream in = SnapshotReader.class.getResourceAsStream(STARTER_META)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + STARTER_META);
            }
            return LocalDate.parse(Json.yaml().readTree(in).path("newestRecord").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param counts records per imported source ("nvd", "osv", "distro"), in the order to list them
     */
    static VulnDataSnapshot build(Path storeDir, int starterRecords, Map<String, Integer> counts) {
        List<JsonNode> log = importLog(storeDir);
        List<VulnDataSnapshot.Source> sources = new ArrayList<>();
        LocalDate starterDate = starterNewest();
        sources.add(new VulnDataSnapshot.Source(VulnDataSnapshot.STARTER, starterRecords, starterDate, null));
        int total = starterRecords;
        LocalDate newest = starterDate;
        boolean imported = false;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            imported = true;
            Instant last = null;
            LocalDate newestHere = null;
            for (JsonNode r : log) {
                if (!FORMATS.getOrDefault(e.getKey(), Set.of(e.getKey())).contains(r.path("format").asText())
                        && !e.getKey().equals(r.path("source").asText())) {
                    continue;
                }
                Instant at = instant(r.path("at"));
                if (at != null && (last == null || at.isAfter(last))) {
                    last = at;
                }
                LocalDate stated = date(r.path("newestRecord"));
                LocalDate d = stated != null ? stated : at == null ? null : at.atZone(ZoneOffset.UTC).toLocalDate();
                if (d != null && (newestHere == null || d.isAfter(newestHere))) {
                    newestHere = d;
                }
            }
            sources.add(new VulnDataSnapshot.Source(e.getKey(), e.getValue(), newestHere, last));
            total += e.getValue();
            if (newestHere != null && newestHere.isAfter(newest)) {
                newest = newestHere;
            }
        }
        return new VulnDataSnapshot(sources, total, newest, !imported);
    }

    private static List<JsonNode> importLog(Path storeDir) {
        List<JsonNode> out = new ArrayList<>();
        if (storeDir == null) {
            return out;
        }
        Path log = storeDir.resolve("imports.json");
        if (!Files.isRegularFile(log)) {
            return out;
        }
        try {
            Json.mapper().readTree(log.toFile()).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        return out;
    }

    private static Instant instant(JsonNode n) {
        if (n.isNumber()) { // Jackson's default for Instant: seconds with a fraction
            return Instant.ofEpochMilli((long) (n.asDouble() * 1000));
        }
        try {
            return n.isTextual() ? Instant.parse(n.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate date(JsonNode n) {
        if (!n.isTextual() || n.asText().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(n.asText().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
