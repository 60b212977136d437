package org.iotb.sbom.vuln.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.VulnMatch;
import org.iotb.sbom.vuln.Vulnerability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotb vulndb update} against a local server replaying each feed's real format (fixtures in feeds/replay and
 * feeds/distro, README there): NVD paging, rate-limit answers, incremental updates, proxies, size caps, KEV and EPSS.
 */
class FeedUpdateTest {
    private ReplayServer server;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = ReplayServer.start().replayAllFeeds();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Downloader downloader(long maxBytes) {
        return new Downloader(Downloader.Settings.defaults().withMaxBytes(maxBytes)
                .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(2)), null, progress::add);
    }

    private List<FeedUpdater.Outcome> update(VulnDb db, Instant since, String... sources) throws IOException {
        return new FeedUpdater(db, downloader(1 << 20), progress::add).update(new FeedUpdater.Request(
                List.of(sources), since, null, server.feedUrls(), List.of("Debian"), 3));
    }

    @Test
    void nvdIsReadPageByPage(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        List<FeedUpdater.Outcome> out = update(db, null, "nvd");
        assertThat(out).singleElement().satisfies(o -> assertThat(o.ok()).as(o.error()).isTrue());
        List<ReplayServer.Request> asked = server.requests("/rest/json/cves/2.0");
        assertThat(asked).extracting(r -> r.query().get("startIndex")).containsExactly("0", "3");
        assertThat(asked).allSatisfy(r -> assertThat(r.query()).containsEntry("resultsPerPage", "3")
                .doesNotContainKey("lastModStartDate"));
        VulnDb.ImportRecord r = out.get(0).record();
        assertThat(r.records()).isEqualTo(5);
        assertThat(r.kept()).isEqualTo(5);
        assertThat(r.source()).isEqualTo("nvd");
        assertThat(r.newestRecord()).isEqualTo("2024-11-21T08:36:16Z"); // CVE-2023-4911's lastModified
        // saved through the store's import: a fresh open sees the records and the log
        VulnDb reopened = VulnDb.open(tmp.resolve("store"));
        assertThat(reopened.status()).containsEntry("nvd", 5);
        assertThat(reopened.imports()).singleElement().satisfies(i -> {
            assertThat(i.source()).isEqualTo("nvd");
            assertThat(i.file()).isEqualTo(server.feedUrls().get("nvd").toString());
        });
        assertThat(progress).anyMatch(l -> l.contains("page 2") && l.contains("of 5"));
        assertThat(Files.list(tmp.resolve("store")).map(p -> p.getFileName().toString()))
                .as("no scratch download left behind").noneMatch(n -> n.startsWith(".download"));
    }

    @Test
    void rateLimitAnswersAreRetriedAfterTheirDelay(@TempDir Path tmp) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server.route("/rest/json/cves/2.0", r -> calls.incrementAndGet() == 1
                ? ReplayServer.Response.status(429, Map.of("Retry-After", "1"))
                : calls.get() == 2 ? ReplayServer.Response.status(503, Map.of())
                : ReplayServer.Response.ok(ReplayServer.resource("0".equals(r.query().get("startIndex"))
                        ? "replay/nvd-page-1.json" : "replay/nvd-page-2.json")));
        long t0 = System.nanoTime();
        List<FeedUpdater.Outcome> out = update(VulnDb.open(tmp.resolve("store")), null, "nvd");
        assertThat(out.get(0).ok()).as(out.get(0).error()).isTrue();
        assertThat(out.get(0).record().records()).isEqualTo(5);
        assertThat(calls.get()).isEqualTo(4); // 429, 503, page 1, page 2
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("Retry-After: 1 honoured")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(progress).anyMatch(l -> l.contains("HTTP 429") && l.contains("retrying in 1000 ms"));
    }

    @Test
    void aRateLimitThatNeverEndsFailsThatFeedOnly(@TempDir Path tmp) throws IOException {
        server.route("/tracker/data/json", r -> ReplayServer.Response.status(403, Map.of()));
        List<FeedUpdater.Outcome> out = update(VulnDb.open(tmp.resolve("store")), null, "debian", "kev");
        assertThat(out).extracting(FeedUpdater.Outcome::source).containsExactly("debian", "kev");
        assertThat(out.get(0).ok()).isFalse();
        assertThat(out.get(0).error()).contains("HTTP 403", "after 6 attempts");
        assertThat(out.get(1).ok()).isTrue();
    }

    @Test
    void theRateLimiterSpacesRequestsToTheWindow() throws InterruptedException {
        RateLimiter l = new RateLimiter(2, Duration.ofMillis(400));
        long t0 = System.nanoTime();
        l.acquire();
        l.acquire();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(300));
        l.acquire(); // the third must wait for the first to leave the window
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void theSecondUpdateAsksOnlyForWhatChangedSinceTheFirst(@TempDir Path tmp) throws IOException {
        Path store = tmp.resolve("store");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        update(VulnDb.open(store), null, "nvd");
        Instant first = VulnDb.open(store).lastUpdate("nvd").orElseThrow();
        assertThat(first).isAfterOrEqualTo(before.minusMillis(1));
        List<FeedUpdater.Outcome> out = update(VulnDb.open(store), null, "nvd");
        ReplayServer.Request second = server.requests("/rest/json/cves/2.0").get(2);
        assertThat(Instant.parse(second.query().get("lastModStartDate").replace("+00:00", "Z")))
                .isEqualTo(first.truncatedTo(ChronoUnit.MILLIS));
        assertThat(second.query()).containsKey("lastModEndDate");
        assertThat(out.get(0).record().records()).isEqualTo(1);
        assertThat(out.get(0).record().newestRecord()).isEqualTo("2024-12-03T10:15:00Z");
        VulnDb db = VulnDb.open(store);
        assertThat(db.status()).containsEntry("nvd", 5); // the changed CVE replaced, nothing lost
        assertThat(db.lastUpdate("nvd").orElseThrow()).isAfter(first);
    }

    @Test
    void aCveThatNoLongerNamesAKnownComponentLeavesTheStore(@TempDir Path tmp) throws IOException {
        Path store = tmp.resolve("store");
        update(VulnDb.open(store), null, "nvd");
        assertThat(VulnDb.open(store).match(Components.vendor("curl", "7.88.1"))).extracting(Vulnerability::cveId)
                .contains("CVE-2023-38545");
        // NVD corrects the configuration: the modified record now names another product only
        String moved = new String(ReplayServer.resource("replay/nvd-incremental.json"),
                java.nio.charset.StandardCharsets.UTF_8).replace("haxx:curl", "example:unrelated")
                .replace("haxx:libcurl", "example:unrelated");
        server.route("/rest/json/cves/2.0", r -> ReplayServer.Response.ok(moved.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        update(VulnDb.open(store), null, "nvd");
        VulnDb db = VulnDb.open(store);
        assertThat(db.status()).containsEntry("nvd", 4);
        assertThat(db.match(Components.vendor("curl", "7.88.1"))).as("the stale NVD record is gone")
                .noneMatch(v -> v.cveId().equals("CVE-2023-38545") && v.source().equals("nvd"));
    }

    @Test
    void aLongGapIsAskedIn120DayWindows(@TempDir Path tmp) throws IOException {
        Instant since = Instant.now().minus(Duration.ofDays(300));
        update(VulnDb.open(tmp.resolve("store")), since, "nvd");
        List<ReplayServer.Request> asked = server.requests("/rest/json/cves/2.0");
        assertThat(asked).hasSize(3);
        for (ReplayServer.Request r : asked) {
            Instant s = Instant.parse(r.query().get("lastModStartDate").replace("+00:00", "Z"));
            Instant e = Instant.parse(r.query().get("lastModEndDate").replace("+00:00", "Z"));
            assertThat(Duration.between(s, e)).isLessThanOrEqualTo(Duration.ofDays(120)).isPositive();
        }
        assertThat(asked.get(1).query().get("lastModStartDate")).isEqualTo(asked.get(0).query().get("lastModEndDate"));
    }

    @Test
    void anApiKeyIsSentAsHeaderNeverInTheUrl(@TempDir Path tmp) throws IOException {
        new FeedUpdater(VulnDb.open(tmp.resolve("store")), downloader(1 << 20), progress::add).update(
                new FeedUpdater.Request(List.of("nvd"), null, "secret-key", server.feedUrls(), List.of(), 3));
        assertThat(server.requests("/rest/json/cves/2.0")).allSatisfy(r -> {
            assertThat(r.headers()).containsEntry("apikey", "secret-key");
            assertThat(r.query().values()).doesNotContain("secret-key");
        });
        assertThat(progress).noneMatch(l -> l.contains("secret-key"));
    }

    @Test
    void anOversizeResponseIsRefusedWithOrWithoutContentLength(@TempDir Path tmp) throws IOException {
        for (boolean chunked : List.of(false, true)) {
            byte[] kev = ReplayServer.resource("replay/known_exploited_vulnerabilities.json");
            server.route("/feeds/known_exploited_vulnerabilities.json",
                    r -> chunked ? ReplayServer.Response.ok(kev).withoutLength() : ReplayServer.Response.ok(kev));
            Path store = tmp.resolve("store-" + chunked);
            List<FeedUpdater.Outcome> out = new FeedUpdater(VulnDb.open(store), downloader(1000), progress::add)
                    .update(new FeedUpdater.Request(List.of("kev"), null, null, server.feedUrls(), List.of(), 3));
            assertThat(out.get(0).ok()).as("chunked=" + chunked).isFalse();
            assertThat(out.get(0).error()).contains("1000 bytes");
            assertThat(VulnDb.open(store).status()).doesNotContainKey("kev");
            assertThat(Files.list(store).map(p -> p.getFileName().toString()).toList())
                    .as("nothing half-written").doesNotContain("kev.json");
        }
    }

    @Test
    void kevCvesAreFlaggedAndRankedFirstWithTheirEpss(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        List<FeedUpdater.Outcome> out = update(db, null, "epss", "kev", "nvd"); // run in feed order whatever asked
        assertThat(out).extracting(FeedUpdater.Outcome::source).containsExactly("nvd", "kev", "epss");
        assertThat(out).allSatisfy(o -> assertThat(o.ok()).as(o.error()).isTrue());
        assertThat(out.get(1).record().newestRecord()).isEqualTo("2023-11-21T00:00:00Z");
        assertThat(out.get(2).record().newestRecord()).isEqualTo("2024-12-02T00:00:00Z");
        assertThat(out.get(2).record().kept()).as("EPSS kept only for CVEs the store knows").isLessThan(7)
                .isGreaterThanOrEqualTo(5);

        VulnDb reopened = VulnDb.open(tmp.resolve("store"));
        assertThat(reopened.knownExploited("CVE-2023-4911")).hasValueSatisfying(k -> {
            assertThat(k.dateAdded()).isEqualTo("2023-11-21");
            assertThat(k.product()).isEqualTo("GNU C Library");
        });
        assertThat(reopened.knownExploited("CVE-2023-38545")).isEmpty();
        assertThat(reopened.epss("CVE-2023-48795")).hasValueSatisfying(e -> assertThat(e.score()).isEqualTo(0.96224));
        assertThat(reopened.epss("CVE-2021-44228")).as("not about a component iotb knows").isEmpty();

        // glibc 2.37 (a vendor build) has one CVE here; dropbear 2016.73 two: EPSS orders them
        List<VulnMatch> glibc = reopened.withExploitData(reopened.assess(Components.vendor("glibc", "2.37")));
        assertThat(glibc).filteredOn(m -> m.vulnerability().cveId().equals("CVE-2023-4911")).singleElement()
                .satisfies(m -> assertThat(m.knownExploited()).isNotNull());
        assertThat(glibc.get(0).knownExploited()).isNotNull();
        List<VulnMatch> dropbear = reopened.withExploitData(reopened.assess(Components.vendor("dropbear", "2016.73")));
        assertThat(dropbear).extracting(m -> m.vulnerability().cveId()).startsWith("CVE-2023-48795");
    }

    @Test
    void osvAndDebianTrackerAreLoadedAsDistributionAdvisories(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        List<FeedUpdater.Outcome> out = update(db, null, "osv", "debian");
        assertThat(out).allSatisfy(o -> assertThat(o.ok()).as(o.error()).isTrue());
        assertThat(server.requests()).extracting(ReplayServer.Request::path)
                .containsExactly("/osv/Debian/all.zip", "/tracker/data/json");
        assertThat(out.get(0).record().format()).isEqualTo("osv");
        assertThat(out.get(0).record().newestRecord()).isNotNull();
        assertThat(out.get(1).record().format()).isEqualTo("debian-tracker");
        VulnMatch glibc = VulnDb.open(tmp.resolve("store")).assess(Components.debian("glibc", "2.36",
                "2.36-9+deb12u14")).stream().filter(m -> m.vulnerability().cveId().equals("CVE-2023-4911"))
                .findFirst().orElseThrow();
        assertThat(glibc.basis()).isEqualTo(VulnMatch.Basis.DISTRO_FIXED);
    }

    @Test
    void downloadsGoThroughTheProxyTheEnvironmentNames(@TempDir Path tmp) throws IOException {
        // the feed host does not exist: only a proxy can answer for it
        Map<String, String> env = Map.of("http_proxy", "http://127.0.0.1:" + server.port());
        Downloader d = new Downloader(Downloader.Settings.defaults(), Proxies.selector(env), progress::add);
        Path f = d.get(URI.create("http://feeds.iotb.invalid/feeds/known_exploited_vulnerabilities.json"), Map.of(),
                tmp.resolve("kev.json"), RateLimiter.none());
        assertThat(Files.readAllBytes(f)).isEqualTo(ReplayServer.resource("replay/known_exploited_vulnerabilities.json"));
        assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.headers().get("host"))
                .isEqualTo("feeds.iotb.invalid"));
    }

    @Test
    void proxySelectionFollowsSchemeAndNoProxy() {
        var s = Proxies.selector(Map.of("HTTPS_PROXY", "http://proxy.lab:3128", "http_proxy", "plain.lab:8080",
                "NO_PROXY", "localhost,.internal.lab"));
        assertThat(s.select(URI.create("https://services.nvd.nist.gov/rest")))
                .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.lab", 3128)));
        assertThat(s.select(URI.create("http://security-tracker.debian.org/")))
                .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("plain.lab", 8080)));
        assertThat(s.select(URI.create("https://mirror.internal.lab/nvd"))).containsExactly(Proxy.NO_PROXY);
        assertThat(s.select(URI.create("http://localhost:8080/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(Proxies.selector(Map.of()).select(URI.create("https://www.cisa.gov/")))
                .containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void nvdHeaderIsReadWithoutTheCveList(@TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("p.json");
        Files.write(p, ReplayServer.resource("replay/nvd-page-2.json"));
        assertThat(NvdClient.header(p)).containsExactly(5, 2);
        Files.writeString(p, "{\"message\":\"Invalid apiKey\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NvdClient.header(p)).hasMessageContaining(
                "not an NVD API response");
    }

    static List<String> ids(List<Vulnerability> vs) {
        return vs.stream().map(Vulnerability::cveId).toList();
    }
}
