package org.iotb.sbom.vuln.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.iotb.model.Tool;

/**
 * Downloads one URL to one file with {@link HttpClient}: connect and request timeouts, a size cap (checked against
 * Content-Length first, then while streaming), the proxy of {@link Proxies}, and retries with exponential backoff on
 * the answers that mean "later" (403 — NVD's rate-limit answer — 429 and 503, honouring Retry-After). The file appears
 * only when complete (written beside it, then renamed).
 */
public final class Downloader {
    private static final Set<Integer> RETRY = Set.of(403, 429, 503);

    /** Timeouts, size cap and retry policy. */
    public record Settings(Duration connectTimeout, Duration requestTimeout, long maxBytes, int attempts,
            Duration firstBackoff, Duration maxBackoff) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), Duration.ofMinutes(10), 2L << 30, 6, Duration.ofSeconds(6),
                    Duration.ofMinutes(2));
        }

        public Settings withMaxBytes(long max) {
            return new Settings(connectTimeout, requestTimeout, max, attempts, firstBackoff, maxBackoff);
        }

        public Settings withBackoff(Duration first, Duration max) {
            return new Settings(connectTimeout, requestTimeout, maxBytes, attempts, first, max);
        }
    }

    private final HttpClient client;
    private final Settings settings;
    private final Consumer<String> progress;
    private final ProxySelector proxy;

    public Downloader(Settings settings, ProxySelector proxy, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.proxy = proxy;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1);
        if (proxy != null) {
            b.proxy(proxy);
        }
        this.client = b.build();
    }

    public ProxySelector proxy() {
        return proxy;
    }

    /** GETs {@code uri} into {@code target}, waiting for {@code limiter} before each attempt. */
    public Path get(URI uri, Map<String, String> headers, Path target, RateLimiter limiter) throws IOException {
        Duration backoff = settings.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                limiter.acquire();
                HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                        .header("User-Agent", Tool.NAME + "/" + Tool.version() + " (vulnerability feed update)");
                headers.forEach(rb::header);
                HttpResponse<InputStream> r;
                try {
                    r = client.send(rb.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (IOException e) { // the JDK's messages are often empty ("java.net.ConnectException: null")
                    throw new IOException("cannot reach " + uri.getHost() + " (" + Proxies.describe(proxy, uri)
                            + "): " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
                }
                int code = r.statusCode();
                if (code == 200) {
                    return save(r, uri, target);
                }
                r.body().close();
                if (!RETRY.contains(code) || attempt >= settings.attempts()) {
                    throw new IOException("HTTP " + code + " from " + redacted(uri)
                            + (RETRY.contains(code) ? " after " + attempt + " attempts" : ""));
                }
                Duration wait = retryAfter(r).orElse(backoff);
                wait = wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
                progress.accept("  HTTP " + code + " from " + uri.getHost() + ", retrying in " + wait.toMillis()
                        + " ms (attempt " + (attempt + 1) + " of " + settings.attempts() + ")");
                Thread.sleep(wait.toMillis());
                backoff = backoff.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + redacted(uri), e);
            }
        }
    }

    private Path save(HttpResponse<InputStream> r, URI uri, Path target) throws IOException {
        OptionalLong length = r.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() > settings.maxBytes()) {
            r.body().close();
            throw new LimitedInputStream.TooLargeException(redacted(uri) + " announces " + length.getAsLong()
                    + " bytes, more than the limit of " + settings.maxBytes() + " bytes");
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = new LimitedInputStream(r.body(), settings.maxBytes(), redacted(uri));
                OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Retry-After in seconds (the HTTP-date form is rare for APIs and falls back to the backoff). */
    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** The URL without its query's values: an API key must never reach a log. */
    static String redacted(URI uri) {
        String s = uri.toString();
        return s.replaceAll("(?i)(apiKey=)[^&]*", "$1…");
    }
}
