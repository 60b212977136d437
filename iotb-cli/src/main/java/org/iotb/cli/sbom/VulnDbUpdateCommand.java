package org.iotb.cli.sbom;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iotb.sbom.vuln.FeedDates;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.feed.Downloader;
import org.iotb.sbom.vuln.feed.FeedUpdater;
import org.iotb.sbom.vuln.feed.Proxies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code iotb vulndb update}: downloads the public feeds into the store (see {@link FeedUpdater}). Progress goes to
 * stderr, one summary line per feed to stdout; exit 1 when a feed failed (the others are still loaded).
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Download vulnerability feeds into the store: NVD API 2.0 (incremental after the first run),"
            + " OSV ecosystem dumps, the Debian security tracker, CISA KEV and EPSS.",
            "Proxies: -Dhttps.proxyHost/-Dhttps.proxyPort (JAVA_TOOL_OPTIONS) or HTTPS_PROXY / https_proxy,"
            + " NO_PROXY."})
final class VulnDbUpdateCommand implements Callable<Integer> {
    @ParentCommand
    VulnDbCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", split = ",", paramLabel = "SOURCE",
            description = "Feeds to update (default: all): nvd, osv, debian, kev, epss.")
    List<String> sources;

    @Option(names = "--since", paramLabel = "DATE",
            description = "NVD: CVEs modified since DATE (2024-01-31 or an ISO date-time) instead of since the last"
                + " update recorded in the store.")
    String since;

    @Option(names = "--nvd-api-key", paramLabel = "KEY",
            description = "NVD API key (default: $NVD_API_KEY); allows 50 instead of 5 requests per 30 s.")
    String nvdApiKey;

    @Option(names = "--osv-ecosystem", split = ",", paramLabel = "NAME",
            description = "OSV ecosystems to download (default: Debian, Alpine, OSS-Fuzz, Linux).")
    List<String> osvEcosystems;

    @Option(names = "--base-url-nvd", paramLabel = "URL", description = "NVD API URL (a mirror, or a test server).")
    String nvdUrl;

    @Option(names = "--base-url-osv", paramLabel = "URL", description = "OSV bucket URL (<URL>/<Ecosystem>/all.zip).")
    String osvUrl;

    @Option(names = "--base-url-debian", paramLabel = "URL", description = "Debian tracker JSON URL.")
    String debianUrl;

    @Option(names = "--base-url-kev", paramLabel = "URL", description = "CISA KEV JSON URL.")
    String kevUrl;

    @Option(names = "--base-url-epss", paramLabel = "URL", description = "EPSS CSV (gzip) URL.")
    String epssUrl;

    @Option(names = "--max-download-mb", paramLabel = "MB", defaultValue = "2048",
            description = "Refuse any single download larger than this (default: ${DEFAULT-VALUE}).")
    long maxDownloadMb;

    @Option(names = "--nvd-page-size", paramLabel = "N", defaultValue = "2000", hidden = true)
    int nvdPageSize;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant from = null;
        if (since != null) {
            from = FeedDates.parse(since);
            if (from == null) {
                err.printf("--since %s: not a date (use 2024-01-31 or 2024-01-31T00:00:00Z)%n", since);
                return 2;
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        put(overrides, "nvd", nvdUrl);
        put(overrides, "osv", osvUrl);
        put(overrides, "debian", debianUrl);
        put(overrides, "kev", kevUrl);
        put(overrides, "epss", epssUrl);
        String key = nvdApiKey != null ? nvdApiKey : System.getenv("NVD_API_KEY");
        List<String> chosen = sources == null || sources.isEmpty() ? FeedUpdater.SOURCES : sources.stream()
                .map(s -> s.trim().toLowerCase(java.util.Locale.ROOT)).toList();
        for (String s : chosen) {
            if (!FeedUpdater.SOURCES.contains(s)) {
                err.printf("--source %s: unknown feed (known: %s)%n", s, String.join(", ", FeedUpdater.SOURCES));
                return 2;
            }
        }
        FeedUpdater.Request req = new FeedUpdater.Request(chosen, from, key, FeedUpdater.urls(overrides),
                osvEcosystems == null || osvEcosystems.isEmpty() ? FeedUpdater.DEFAULT_OSV_ECOSYSTEMS : osvEcosystems,
                nvdPageSize);
        Downloader downloader = new Downloader(Downloader.Settings.defaults().withMaxBytes(maxDownloadMb << 20),
                Proxies.selector(System.getenv()), line -> {
                    err.println(line);
                    err.flush();
                });
        VulnDb db = VulnDb.open(parent.store());
        List<FeedUpdater.Outcome> outcomes = new FeedUpdater(db, downloader, line -> {
            err.println(line);
            err.flush();
        }).update(req);
        List<String> failed = new ArrayList<>();
        for (FeedUpdater.Outcome o : outcomes) {
            if (o.ok()) {
                VulnDb.ImportRecord r = o.record();
                out.printf("%s: %d records read, %d kept, newest record %s (%s)%n", o.source(), r.records(),
                        r.kept(), r.newestRecord() == null ? "not dated" : r.newestRecord(), r.file());
            } else {
                failed.add(o.source());
                out.printf("%s: FAILED: %s%n", o.source(), o.error());
            }
        }
        out.printf("store: %s%n", parent.store());
        out.flush();
        return failed.isEmpty() ? 0 : 1;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v.trim());
        }
    }
}
