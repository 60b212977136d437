package org.iotb.sbom.vuln.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.iotb.model.Json;

/**
 * The NVD CVE API 2.0 ({@code https://services.nvd.nist.gov/rest/json/cves/2.0}, https://nvd.nist.gov/developers/vulnerabilities):
 * every CVE, or (incremental) those modified since a date, page by page ({@code startIndex}, {@code resultsPerPage}
 * up to 2 000). The API answers at most 120 days of {@code lastModStartDate}..{@code lastModEndDate} at once, so a
 * longer gap is asked in 120-day windows. Requests are paced to the published limits: 5 in 30 s without an API key,
 * 50 with one (sent as the {@code apiKey} header).
 */
public final class NvdClient {
    public static final String DEFAULT_URL = "https://services.nvd.nist.gov/rest/json/cves/2.0";
    static final Duration MAX_WINDOW = Duration.ofDays(120);
    private static final DateTimeFormatter NVD_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private final Downloader downloader;
    private final URI base;
    private final String apiKey;
    private final RateLimiter limiter;
    private final int pageSize;
    private final Consumer<String> progress;

    public NvdClient(Downloader downloader, URI base, String apiKey, int pageSize, Consumer<String> progress) {
        this(downloader, base, apiKey, pageSize, progress, apiKey == null || apiKey.isBlank()
                ? new RateLimiter(5, Duration.ofSeconds(30)) : new RateLimiter(50, Duration.ofSeconds(30)));
    }

    NvdClient(Downloader downloader, URI base, String apiKey, int pageSize, Consumer<String> progress,
            RateLimiter limiter) {
        this.downloader = downloader;
        this.base = base;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        this.pageSize = pageSize;
        this.progress = progress;
        this.limiter = limiter;
    }

    /**
     * Downloads every page into {@code dir} and returns the files in order: all CVEs when {@code since} is null,
     * else those modified from {@code since} to {@code until}.
     */
    public List<Path> download(Instant since, Instant until, Path dir) throws IOException {
        List<Path> pages = new ArrayList<>();
        if (since == null) {
            pages.addAll(pages(null, null, dir, pages.size()));
            return pages;
        }
        Instant start = since;
        while (start.isBefore(until)) {
            Instant end = start.plus(MAX_WINDOW).isBefore(until) ? start.plus(MAX_WINDOW) : until;
            progress.accept("nvd: CVEs modified " + NVD_DATE.format(start) + " .. " + NVD_DATE.format(end));
            pages.addAll(pages(start, end, dir, pages.size()));
            start = end;
        }
        return pages;
    }

    private List<Path> pages(Instant from, Instant to, Path dir, int numbered) throws IOException {
        List<Path> out = new ArrayList<>();
        int startIndex = 0;
        while (true) {
            StringBuilder q = new StringBuilder("resultsPerPage=").append(pageSize).append("&startIndex=")
                    .append(startIndex);
            if (from != null) {
                q.append("&lastModStartDate=").append(encode(NVD_DATE.format(from)))
                        .append("&lastModEndDate=").append(encode(NVD_DATE.format(to)));
            }
            URI uri = URI.create(base + (base.toString().contains("?") ? "&" : "?") + q);
            Path page = dir.resolve(String.format("nvd-page-%04d.json", numbered + out.size()));
            downloader.get(uri, apiKey == null ? Map.of() : Map.of("apiKey", apiKey), page, limiter);
            out.add(page);
            long[] h = header(page);
            long total = h[0];
            long perPage = h[1];
            progress.accept(String.format("nvd: page %d: CVEs %d..%d of %d", out.size(), startIndex,
                    Math.min(total, startIndex + perPage), total));
            if (perPage <= 0 || startIndex + perPage >= total) {
                return out;
            }
            startIndex += (int) perPage;
        }
    }

    /** totalResults and resultsPerPage of a response, read from the fields before the (large) CVE list. */
    static long[] header(Path page) throws IOException {
        long total = -1;
        long perPage = -1;
        try (JsonParser p = Json.mapper().getFactory().createParser(page.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an NVD API response: " + page.getFileName());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "totalResults" -> total = p.getLongValue();
                    case "resultsPerPage" -> perPage = p.getLongValue();
                    default -> p.skipChildren();
                }
                if (total >= 0 && perPage >= 0) {
                    break;
                }
            }
        }
        if (total < 0 || perPage < 0) {
            throw new IOException("not an NVD API response (no totalResults/resultsPerPage): " + page.getFileName());
        }
        return new long[] {total, perPage};
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
