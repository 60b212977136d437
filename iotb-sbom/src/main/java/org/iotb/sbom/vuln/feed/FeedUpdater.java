package org.iotb.sbom.vuln.feed;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.iotb.sbom.vuln.VulnDb;

/**
 * {@code iotb vulndb update}: downloads each chosen feed into a scratch directory inside the store, loads it through
 * the store's own import code (atomic writes, only records about components iotb identifies kept) and logs it in
 * imports.json with its source. The feeds, in the order they run (EPSS last: it keeps scores of CVEs the store knows):
 * <ul>
 * <li>{@code nvd}: NVD CVE API 2.0, see {@link NvdClient}; incremental from the last successful NVD update;</li>
 * <li>{@code osv}: OSV's per-ecosystem dumps {@code <base>/<Ecosystem>/all.zip};</li>
 * <li>{@code debian}: the Debian security tracker JSON export;</li>
 * <li>{@code kev}: CISA's Known Exploited Vulnerabilities catalog (JSON);</li>
 * <li>{@code epss}: FIRST's EPSS scores (CSV, gzip).</li>
 * </ul>
 * One failing feed does not stop the others; the result names each outcome.
 */
public final class FeedUpdater {
    public static final List<String> SOURCES = List.of("nvd", "osv", "debian", "kev", "epss");
    public static final Map<String, String> DEFAULT_URLS = Map.of(
            "nvd", NvdClient.DEFAULT_URL,
            "osv", "https://osv-vulnerabilities.storage.googleapis.com",
            "debian", "https://security-tracker.debian.org/tracker/data/json",
            "kev", "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json",
            "epss", "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");
    /**
     * OSV ecosystems with records about what firmware carries: the distributions iotb recognises (Debian, Alpine; OSV
     * has no OpenWrt, Yocto or Buildroot ecosystem) and the upstream ones {@code OsvParser} reads that name C
     * components (OSS-Fuzz: curl, openssl, busybox, dnsmasq …; Linux: the kernel).
     */
    public static final List<String> DEFAULT_OSV_ECOSYSTEMS = List.of("Debian", "Alpine", "OSS-Fuzz", "Linux");

    /** What to update and from where; {@code since} overrides the incremental NVD start (null: from the store). */
    public record Request(List<String> sources, Instant since, String nvdApiKey, Map<String, URI> urls,
            List<String> osvEcosystems, int nvdPageSize) {
        public Request {
            sources = List.copyOf(sources);
            urls = Map.copyOf(urls);
            osvEcosystems = List.copyOf(osvEcosystems);
        }

        public URI url(String source) {
            return urls.getOrDefault(source, URI.create(DEFAULT_URLS.get(source)));
        }
    }

    /** One feed's outcome: its import record, or the error that stopped it. */
    public record Outcome(String source, VulnDb.ImportRecord record, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final VulnDb db;
    private final Path store;
    private final Downloader downloader;
    private final Consumer<String> progress;

    public FeedUpdater(VulnDb db, Downloader downloader, Consumer<String> progress) {
        this.db = db;
        this.store = db.storeDir().orElseThrow(() -> new IllegalStateException("no store to update"));
        this.downloader = downloader;
        this.progress = progress;
    }

    public List<Outcome> update(Request req) throws IOException {
        for (String s : req.sources()) {
            if (!SOURCES.contains(s)) {
                throw new IllegalArgumentException("unknown feed '" + s + "' (known: " + String.join(", ", SOURCES)
                        + ")");
            }
        }
        Files.createDirectories(store);
        List<Outcome> out = new ArrayList<>();
        for (String source : SOURCES) { // a fixed order whatever the command line said: EPSS needs the CVEs first
            if (!req.sources().contains(source)) {
                continue;
            }
            progress.accept(source + ": from " + req.url(source) + " (" + Proxies.describe(downloader.proxy(),
                    req.url(source)) + ")");
            Path scratch = Files.createTempDirectory(store, ".download-" + source + "-");
            try {
                List<VulnDb.ImportRecord> recs = updateOne(source, req, scratch);
                for (VulnDb.ImportRecord r : recs) {
                    progress.accept(String.format("%s: %d records read, %d kept, newest %s", source, r.records(),
                            r.kept(), r.newestRecord() == null ? "(no dates in this feed)" : r.newestRecord()));
                    out.add(new Outcome(source, r, null));
                }
            } catch (IOException | RuntimeException e) {
                progress.accept(source + ": failed (the reason is in the summary)");
                out.add(new Outcome(source, null, e.getMessage() == null ? e.toString() : e.getMessage()));
            } finally {
                deleteTree(scratch);
            }
        }
        return out;
    }

    private List<VulnDb.ImportRecord> updateOne(String source, Request req, Path dir) throws IOException {
        Instant started = Instant.now();
        URI url = req.url(source);
        switch (source) {
            case "nvd" -> {
                Instant since = req.since() != null ? req.since() : db.lastUpdate("nvd").orElse(null);
                progress.accept(since == null ? "nvd: full download (no earlier NVD update in this store)"
                        : "nvd: incremental, CVEs modified since " + since);
                List<Path> pages = new NvdClient(downloader, url, req.nvdApiKey(), req.nvdPageSize(), progress)
                        .download(since, started, dir);
                return List.of(db.importFiles(pages, "nvd", url.toString(), started));
            }
            case "osv" -> {
                List<VulnDb.ImportRecord> recs = new ArrayList<>();
                for (String eco : req.osvEcosystems()) {
                    URI u = URI.create(url.toString().replaceAll("/+$", "") + "/"
                            + java.net.URLEncoder.encode(eco, java.nio.charset.StandardCharsets.UTF_8)
                                    .replace("+", "%20") + "/all.zip");
                    Path f = downloader.get(u, Map.of(), dir.resolve("osv-" + eco.replaceAll("[^A-Za-z0-9.-]", "_")
                            + ".zip"), RateLimiter.none());
                    recs.add(db.importFiles(List.of(f), "osv", u.toString(), started));
                }
                return recs;
            }
            case "debian" -> {
                Path f = downloader.get(url, Map.of(), dir.resolve("debian-tracker.json"), RateLimiter.none());
                return List.of(db.importFiles(List.of(f), "debian", url.toString(), started));
            }
            case "kev" -> {
                Path f = downloader.get(url, Map.of(), dir.resolve("kev.json"), RateLimiter.none());
                return List.of(db.importKev(f, "kev", url.toString(), started));
            }
            case "epss" -> {
                Path f = downloader.get(url, Map.of(), dir.resolve("epss.csv.gz"), RateLimiter.none());
                return List.of(db.importEpss(f, "epss", url.toString(), started));
            }
            default -> throw new IllegalArgumentException(source);
        }
    }

    /** The default request URLs with {@code overrides} applied. */
    public static Map<String, URI> urls(Map<String, String> overrides) {
        Map<String, URI> m = new LinkedHashMap<>();
        overrides.forEach((k, v) -> m.put(k, URI.create(v)));
        return m;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a scratch file left behind is harmless; the next update uses a new directory
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
