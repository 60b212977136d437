package org.iotb.probe.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Text;
import org.iotb.probe.proto.HttpResponse;
import org.iotb.probe.web.PageSecrets;
import org.iotb.probe.web.WebCrawler;

/**
 * net.http.plaintext-login and net.http.unauthenticated-config on every web service. The latter tries the known
 * configuration paths (data/http-config-paths.tsv) and then follows the web UI's own links ({@link WebCrawler}),
 * judging every page reached without credentials for secrets and settings forms ({@link PageSecrets}).
 */
public final class HttpChecks implements DeviceCheck {
    public static final String LOGIN = "net.http.plaintext-login";
    public static final String CONFIG = "net.http.unauthenticated-config";
    private static final Pattern PASSWORD_FIELD = Pattern.compile("<input[^>]{0,400}type\\s*=\\s*[\"']?password",
            Pattern.CASE_INSENSITIVE);

    /** One known configuration path and the pattern its real content matches. */
    record ConfigPath(String path, Pattern marker, String what) {
    }

    static final List<ConfigPath> CONFIG_PATHS = load();

    @Override
    public String name() {
        return "http";
    }

    @Override
    public List<String> checkIds() {
        return List.of(LOGIN, CONFIG);
    }

    @Override
    public List<Finding> run(ProbeContext ctx) {
        List<Service> web = Http.webServices(ctx);
        if (web.isEmpty()) {
            return checkIds().stream().map(id -> Finding.notRun(id, "no HTTP service found")).toList();
        }
        List<Finding> out = new ArrayList<>();
        List<Service> plain = web.stream().filter(s -> !s.tls()).toList();
        if (plain.isEmpty()) {
            out.add(Finding.pass(LOGIN, "every web service uses TLS (ports "
                    + web.stream().map(s -> String.valueOf(s.port())).toList() + ")", List.of()));
        }
        for (Service s : plain) {
            out.add(plaintextLogin(ctx, s));
        }
        for (Service s : web) {
            out.add(config(ctx, s));
        }
        return out;
    }

    static Finding plaintextLogin(ProbeContext ctx, Service s) {
        try {
            HttpResponse r = Http.get(ctx, s, "/", null);
            String auth = r.header("www-authenticate");
            String req = "GET " + Http.url(ctx, s, "/");
            if (r.status() == 401 && auth != null) {
                return Finding.fail(LOGIN, Severity.HIGH, "port " + s.port() + " asks for credentials over plain HTTP ("
                        + auth.split(" ")[0] + " authentication)", List.of(Ev.of(ctx, s, "http", req,
                        r.statusLine() + " WWW-Authenticate: " + auth)));
            }
            var m = PASSWORD_FIELD.matcher(r.body());
            if (r.status() == 200 && m.find()) {
                int at = m.start();
                String excerpt = r.body().substring(at, Math.min(r.body().length(), at + 120));
                return Finding.fail(LOGIN, Severity.HIGH, "port " + s.port()
                        + " serves a login form with a password field over plain HTTP",
                        List.of(Ev.of(ctx, s, "http", req, r.statusLine() + " ... " + Text.printable(excerpt))));
            }
            String loc = r.header("location");
            String seen = r.statusLine() + (loc != null ? " Location: " + loc : "");
            return Finding.pass(LOGIN, "port " + s.port() + ": GET / asks for no credentials over plain HTTP ("
                    + seen + ")", List.of(Ev.of(ctx, s, "http", req, seen)));
        } catch (IOException e) {
            return Finding.notRun(LOGIN, "port " + s.port() + ": " + e.getMessage());
        }
    }

    static Finding config(ProbeContext ctx, Service s) {
        String proto = s.tls() ? "https" : "http";
        try {
            // a path that cannot exist: servers that answer 200 to everything must not count as exposing config
            HttpResponse baseline = Http.get(ctx, s, "/iotb-" + Long.toHexString(System.nanoTime()) + ".cfg", null);
            List<Evidence> hits = new ArrayList<>();
            List<String> tried = new ArrayList<>();
            for (ConfigPath p : CONFIG_PATHS) {
                if (ctx.deadline.expired()) {
                    break;
                }
                tried.add(p.path());
                HttpResponse r = Http.get(ctx, s, p.path(), null);
                if (r.status() == 200 && !looksLikeHtml(r.body()) && p.marker().matcher(r.body()).find()
                        && !(baseline.status() == 200 && baseline.body().equals(r.body()))) {
                    hits.add(Ev.of(ctx, s, proto, "GET " + Http.url(ctx, s, p.path()) + " (no credentials)",
                            r.statusLine() + " " + Text.printable(r.body().substring(0, Math.min(160,
                                    r.body().length())))));
                }
            }
            // then the pages the web UI itself leads to, as a visitor without credentials sees them
            List<WebCrawler.Page> pages = crawl(ctx, s);
            List<String> exposing = new ArrayList<>();
            Set<String> bodies = new HashSet<>();
            for (WebCrawler.Page p : pages) {
                HttpResponse r = p.response();
                if (r.status() != 200 || r.header("www-authenticate") != null || !bodies.add(r.body())) {
                    continue;
                }
                List<PageSecrets.Field> fields = PageSecrets.find(r.body());
                if (PageSecrets.exposesConfiguration(fields)) {
                    exposing.add(p.path() + " (" + fields.stream().map(PageSecrets.Field::name).distinct()
                            .collect(java.util.stream.Collectors.joining(", ")) + ")");
                    hits.add(Ev.of(ctx, s, proto, p.method().toUpperCase(Locale.ROOT) + " " + Http.url(ctx, s, p.path())
                            + " (no credentials" + (p.from() == null ? "" : "; linked from " + p.from()) + ")",
                            r.statusLine() + "; " + (PageSecrets.revealsSecret(fields) ? "secrets and settings"
                                    : "settings form") + " shown: " + fields.stream().map(Object::toString)
                                    .collect(java.util.stream.Collectors.joining("; "))));
                }
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("port", s.port());
            data.put("knownPaths", tried);
            data.put("crawled", pages.stream().map(p -> p.method() + " " + p.path() + " " + p.response().status())
                    .toList());
            data.put("crawlBounds", WebCrawler.bounds());
            data.put("exposingPages", exposing);
            if (!hits.isEmpty()) {
                return Finding.fail(CONFIG, Severity.HIGH, "port " + s.port() + " serves configuration without "
                        + "authentication at " + hits.size() + " path(s)" + (exposing.isEmpty() ? ""
                        : ": web UI pages " + String.join("; ", exposing)), hits).withData(data);
            }
            return Finding.pass(CONFIG, "port " + s.port() + ": none of " + tried.size()
                    + " known configuration paths returned configuration without credentials ("
                    + String.join(", ", tried) + "), nor any of the " + pages.size() + " web UI page(s) reached"
                    + " by following links without credentials", List.of(Ev.of(ctx, s, proto,
                    "GET each known config path; follow the web UI's links (same origin, depth "
                    + WebCrawler.MAX_DEPTH + ", " + WebCrawler.MAX_PAGES + " pages)",
                    "no configuration content"))).withData(data);
        } catch (IOException e) {
            return Finding.notRun(CONFIG, "port " + s.port() + ": " + e.getMessage());
        }
    }

    /** The web UI's pages reachable without credentials (see {@link WebCrawler} for the bounds). */
    static List<WebCrawler.Page> crawl(ProbeContext ctx, Service s) {
        WebCrawler.Fetcher fetch = (method, path, body) -> method.equals("post")
                ? Http.postForm(ctx, s, path, null, body) : Http.get(ctx, s, path, null);
        try {
            return new WebCrawler(fetch, s.tls() ? "https" : "http", ctx.host(), s.port(), ctx.options.intrusive(),
                    ctx.deadline::expired).crawl();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static List<ConfigPath> load() {
        List<ConfigPath> out = new ArrayList<>();
        try (InputStream in = HttpChecks.class.getResourceAsStream("/org/iotb/probe/data/http-config-paths.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t+");
                if (f.length >= 3) {
                    out.add(new ConfigPath(f[0], Pattern.compile(f[1], Pattern.CASE_INSENSITIVE), f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Configuration files are never HTML pages; an HTML answer is an error or catch-all page. */
    static boolean looksLikeHtml(String body) {
        String head = body.substring(0, Math.min(body.length(), 300)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<head");
    }
}
