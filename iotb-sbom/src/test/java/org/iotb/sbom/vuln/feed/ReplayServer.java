package org.iotb.sbom.vuln.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An HTTP server on 127.0.0.1 that replays feed responses (the files of {@code feeds/replay} and {@code feeds/distro},
 * in each source's real format) and records every request, standing in for NVD, OSV, the Debian tracker, CISA and
 * FIRST. {@link #replayAllFeeds()} serves all five the way the real services lay them out.
 */
public final class ReplayServer implements AutoCloseable {
    /** What a client asked: path, query (decoded) and headers (lower-case names). */
    public record Request(String path, Map<String, String> query, Map<String, String> headers) {
    }

    /** An answer: status, body, extra headers; {@code chunked} sends no Content-Length. */
    public record Response(int status, byte[] body, Map<String, String> headers, boolean chunked) {
        public static Response ok(byte[] body) {
            return new Response(200, body, Map.of(), false);
        }

        public static Response status(int status, Map<String, String> headers) {
            return new Response(status, new byte[0], headers, false);
        }

        public Response withoutLength() {
            return new Response(status, body, headers, true);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();

    private ReplayServer(HttpServer server) {
        this.server = server;
    }

    public static ReplayServer start() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ReplayServer r = new ReplayServer(s);
        s.createContext("/", r::handle);
        s.start();
        return r;
    }

    public ReplayServer route(String path, Function<Request, Response> answer) {
        routes.put(path, answer);
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI u = ex.getRequestURI();
            Map<String, String> q = new LinkedHashMap<>();
            if (u.getRawQuery() != null) {
                for (String kv : u.getRawQuery().split("&")) {
                    int eq = kv.indexOf('=');
                    q.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
                }
            }
            Map<String, String> h = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            Request req = new Request(u.getPath(), q, h);
            requests.add(req);
            Function<Request, Response> f = routes.get(u.getPath());
            Response r = f == null ? new Response(404, "not found".getBytes(), Map.of(), false) : f.apply(req);
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            if (r.body().length == 0 && r.status() != 200) {
                ex.sendResponseHeaders(r.status(), -1);
                return;
            }
            ex.sendResponseHeaders(r.status(), r.chunked() ? 0 : r.body().length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(r.body());
            }
        }
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- the five feeds, laid out as the real services serve them ----

    /**
     * NVD at {@code /rest/json/cves/2.0} (two pages by startIndex; a request with lastModStartDate gets the
     * incremental answer), OSV at {@code /osv/Debian/all.zip}, the Debian tracker at {@code /tracker/data/json}, KEV
     * at {@code /feeds/known_exploited_vulnerabilities.json} and EPSS at {@code /epss_scores-current.csv.gz}.
     */
    public ReplayServer replayAllFeeds() {
        route("/rest/json/cves/2.0", r -> Response.ok(resource(r.query().containsKey("lastModStartDate")
                ? "replay/nvd-incremental.json"
                : "0".equals(r.query().get("startIndex")) ? "replay/nvd-page-1.json" : "replay/nvd-page-2.json")));
        route("/osv/Debian/all.zip", r -> Response.ok(osvZip(resource("distro/osv-debian-12.json"))));
        route("/tracker/data/json", r -> Response.ok(resource("distro/debian-tracker-bookworm.json")));
        route("/feeds/known_exploited_vulnerabilities.json",
                r -> Response.ok(resource("replay/known_exploited_vulnerabilities.json")));
        route("/epss_scores-current.csv.gz", r -> Response.ok(gzip(resource("replay/epss_scores-current.csv"))));
        return this;
    }

    /** The URL of each feed on this server, keyed like {@link FeedUpdater#SOURCES}. */
    public Map<String, URI> feedUrls() {
        return Map.of("nvd", url("/rest/json/cves/2.0"), "osv", url("/osv"), "debian", url("/tracker/data/json"),
                "kev", url("/feeds/known_exploited_vulnerabilities.json"), "epss", url("/epss_scores-current.csv.gz"));
    }

    /** A fixture of {@code /org/iotb/sbom/feeds/}. */
    public static byte[] resource(String name) {
        try (InputStream in = ReplayServer.class.getResourceAsStream("/org/iotb/sbom/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] zip(String entry, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** OSV's all.zip: one {@code <id>.json} entry per record. */
    public static byte[] osvZip(byte[] jsonArray) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (com.fasterxml.jackson.databind.JsonNode rec : org.iotb.model.Json.mapper().readTree(jsonArray)) {
                z.putNextEntry(new ZipEntry(rec.path("id").asText() + ".json"));
                z.write(org.iotb.model.Json.mapper().writeValueAsBytes(rec));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }
}
