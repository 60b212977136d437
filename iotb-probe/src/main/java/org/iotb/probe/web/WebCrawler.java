package org.iotb.probe.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.iotb.probe.net.RateLimiter;
import org.iotb.probe.proto.HttpResponse;

/**
 * Walks a device's web UI the way a visitor without credentials can: breadth-first from "/", same origin only
 * (same scheme, host and port), at most {@link #MAX_DEPTH} links deep and {@link #MAX_PAGES} pages, at most
 * {@link #PER_SECOND} requests a second. GET only; with {@code intrusive}, forms that post are posted too, with
 * only their hidden fields, and only when they hold no password and no settings field (posting those could change
 * the device).
 */
public final class WebCrawler {
    public static final int MAX_DEPTH = 3;
    public static final int MAX_PAGES = 50;
    public static final int PER_SECOND = 10;
    private static final int MAX_LINKS_PER_PAGE = 200;

    /** Sends one request: method "get" or "post" (form body), path with query. */
    public interface Fetcher {
        HttpResponse fetch(String method, String path, String body) throws IOException;
    }

    /** A page reached without credentials: where, how (and with which form body), from which page, its answer. */
    public record Page(String path, String method, String body, String from, int depth, HttpResponse response) {
    }

    private final Fetcher fetcher;
    private final String scheme;
    private final String host;
    private final int port;
    private final boolean intrusive;
    private final BooleanSupplier expired;
    private final RateLimiter rate = new RateLimiter(PER_SECOND);

    public WebCrawler(Fetcher fetcher, String scheme, String host, int port, boolean intrusive, BooleanSupplier expired) {
        this.fetcher = fetcher;
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.intrusive = intrusive;
        this.expired = expired;
    }

    /** The pages reached, in the order fetched (answers other than 200 included, so redirects are followed). */
    public List<Page> crawl() throws InterruptedException {
        List<Page> pages = new ArrayList<>();
        Deque<Page> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(new Page("/", "get", null, null, 0, null));
        seen.add("get /");
        while (!queue.isEmpty() && pages.size() < MAX_PAGES && !expired.getAsBoolean()) {
            Page next = queue.poll();
            rate.acquire();
            HttpResponse r;
            try {
                r = fetcher.fetch(next.method(), next.path(), next.body());
            } catch (IOException e) {
                continue;
            }
            Page page = new Page(next.path(), next.method(), next.body(), next.from(), next.depth(), r);
            pages.add(page);
            if (next.depth() >= MAX_DEPTH) {
                continue;
            }
            List<PageLinks.Link> links = new ArrayList<>();
            String location = r.header("location");
            if (r.status() >= 300 && r.status() < 400 && location != null) {
                links.add(new PageLinks.Link(location, "get"));
            } else if (r.status() == 200) {
                links.addAll(PageLinks.of(r.body(), MAX_LINKS_PER_PAGE));
            }
            for (PageLinks.Link l : links) {
                String path = sameOrigin(next.path(), l.target());
                if (path == null) {
                    continue;
                }
                // without --intrusive (or for a form that sets something) a posting form's action is only fetched
                boolean post = l.method().equals("post") && intrusive && l.postBody() != null;
                String method = post ? "post" : "get";
                if (seen.add(method + " " + path)) {
                    queue.add(new Page(path, method, post ? l.postBody() : null, next.path(), next.depth() + 1, null));
                }
            }
        }
        return pages;
    }

    /** The path (with query) of a link on this origin, or null when it leaves it (other scheme, host or port). */
    String sameOrigin(String base, String link) {
        if (link == null) {
            return null;
        }
        String l = link.trim();
        int colon = l.indexOf(':');
        int slash = l.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash)) {
            // an absolute URL: its scheme and port must be ours, and SameHostPath checks the host
            try {
                URI u = new URI(l.replace(" ", "%20"));
                String sch = String.valueOf(u.getScheme()).toLowerCase(Locale.ROOT);
                int p = u.getPort() != -1 ? u.getPort() : sch.equals("https") ? 443 : sch.equals("http") ? 80 : -1;
                if (!sch.equals(scheme) || p != port) {
                    return null;
                }
            } catch (Exception e) {
                return null;
            }
        } else if (l.startsWith("//")) {
            l = scheme + ":" + l;
            return sameOrigin(base, l);
        }
        String path = SameHostPath.resolve(base.contains("?") ? base.substring(0, base.indexOf('?')) : base, l,
                host, port);
        if (path == null) {
            return null;
        }
        int hash = path.indexOf('#');
        return hash >= 0 ? path.substring(0, hash) : path;
    }

    /** For reports: the crawler's bounds. */
    public static Map<String, Object> bounds() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxDepth", MAX_DEPTH);
        m.put("maxPages", MAX_PAGES);
        m.put("requestsPerSecond", PER_SECOND);
        return m;
    }
}
