package org.iotb.sbom.vuln;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.iotb.model.Json;

/**
 * Reads vulnerability feed files as a user downloads them and hands each record, normalised, to a consumer:
 * OSV single records, OSV arrays (all.json) and OSV zip archives (one record per entry); NVD CVE API 2.0
 * responses and 2.0 feed files; the Debian security tracker JSON export; any of these gzip-compressed. OSV records of
 * distribution ecosystems (Debian, Alpine) and tracker entries go to the advisory consumer as {@link DistroAdvisory}.
 * Records are streamed one at a time, so a
 * multi-hundred-megabyte NVD year feed does not have to fit in memory at once.
 */
final class FeedReader {
    /** {@code newest}: the latest lastModified (NVD) / modified (OSV) date-time seen, ISO, or null. */
    record Counts(String format, int records, int skipped, String newest) {
    }

    private final ObjectMapper mapper = Json.mapper();
    private String format = "unknown";
    private int records;
    private int skipped;
    private String newest;

    private Consumer<DistroAdvisory> advisories = a -> { };

    Counts read(Path file, Consumer<Vulnerability> sink) throws IOException {
        return read(file, sink, a -> { });
    }

    Counts read(Path file, Consumer<Vulnerability> sink, Consumer<DistroAdvisory> advisorySink) throws IOException {
        this.advisories = advisorySink;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            readStream(raw, sink, 0);
        }
        return new Counts(format, records, skipped, newest);
    }

    private void readStream(InputStream in, Consumer<Vulnerability> sink, int depth) throws IOException {
        if (depth > 2) {
            throw new IOException("nested archives deeper than 2 levels");
        }
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in);
        b.mark(4);
        int m0 = b.read();
        int m1 = b.read();
        b.reset();
        if (m0 == 0x1f && m1 == 0x8b) {
            readStream(new BufferedInputStream(new GZIPInputStream(b)), sink, depth + 1);
        } else if (m0 == 'P' && m1 == 'K') {
            readZip(b, sink);
        } else {
            readJson(b, sink);
        }
    }

    private void readZip(InputStream in, Consumer<Vulnerability> sink) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            if (e.isDirectory() || !e.getName().endsWith(".json")) {
                continue;
            }
            // the entry stream must not be closed by the JSON parser: it would close the whole zip
            readJson(new NonClosing(zip), sink);
        }
    }

    private void readJson(InputStream in, Consumer<Vulnerability> sink) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    handle(p.readValueAsTree(), sink);
                }
            } else if (t == JsonToken.START_OBJECT) {
                ObjectNode rest = mapper.createObjectNode();
                boolean nvd = false;
                boolean tracker = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (field.equals("vulnerabilities") && v == JsonToken.START_ARRAY) {
                        nvd = true;
                        format = "nvd";
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode item = p.readValueAsTree();
                            seen(item.path("cve").path("lastModified").asText(null));
                            count(NvdParser.parse(item), sink);
                        }
                    } else if (v == JsonToken.START_OBJECT && !nvd) {
                        JsonNode value = p.readValueAsTree();
                        if (DebianTrackerParser.looksLikePackage(value)) {
                            tracker = true; // streamed package by package: the full export is ~80 MB
                            format = "debian-tracker";
                            List<DistroAdvisory> list = DebianTrackerParser.parse(field, value);
                            records += list.size();
                            list.forEach(advisories);
                        } else {
                            rest.set(field, value);
                        }
                    } else {
                        rest.set(field, p.readValueAsTree());
                    }
                }
                if (!nvd && !tracker) {
                    handle(rest, sink);
                }
            } else {
                throw new IOException("not a JSON object or array");
            }
        }
    }

    private void handle(JsonNode n, Consumer<Vulnerability> sink) {
        if (OsvParser.looksLikeOsv(n)) {
            seen(n.path("modified").asText(null));
            format = format.equals("nvd") ? "mixed" : "osv";
            List<DistroAdvisory> distro = OsvDistroParser.parse(n);
            Vulnerability upstream = OsvParser.parse(n);
            if (upstream == null && !distro.isEmpty()) {
                records++; // a distribution-only record (DSA, DLA, DEBIAN-CVE, ALPINE-CVE)
            } else {
                count(upstream, sink);
            }
            distro.forEach(advisories);
        } else if (n.has("cve")) {
            format = "nvd";
            seen(n.path("cve").path("lastModified").asText(null));
            count(NvdParser.parse(n), sink);
        } else {
            skipped++;
        }
    }

    /** Keeps the latest record date; NVD writes "2024-07-02T17:15:03.463", OSV "2024-07-02T17:15:03Z". */
    private void seen(String dateTime) {
        String d = FeedDates.normalise(dateTime);
        if (d != null && (newest == null || d.compareTo(newest) > 0)) {
            newest = d;
        }
    }

    private void count(Vulnerability v, Consumer<Vulnerability> sink) {
        if (v == null) {
            skipped++;
        } else {
            records++;
            sink.accept(v);
        }
    }

    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the enclosing zip stream stays open for the next entry
        }
    }
}
