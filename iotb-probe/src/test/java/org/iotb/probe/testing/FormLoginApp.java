package org.iotb.probe.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small device-style web login on loopback (JDK HttpServer): "/" links to /login.html, whose form (with a hidden
 * token) posts user/pass to /cgi-bin/login. A right password gets 302 to /status.html with a session cookie, a wrong
 * one gets the form again with an error. {@code password} null = no password is accepted.
 */
public final class FormLoginApp implements AutoCloseable {
    private static final String FORM = "<html><body><h1>Camera login</h1><p>%s</p>"
            + "<form method=\"post\" action=\"/cgi-bin/login\"><input type=\"hidden\" name=\"token\" value=\"t0k\">"
            + "User <input type=\"text\" name=\"user\"> Password <input type=\"password\" name=\"pass\">"
            + "<input type=\"submit\" value=\"Login\"></form></body></html>";
    private final HttpServer server;
    public final int port;
    public final AtomicInteger posts = new AtomicInteger();
    private final ExecutorService executor;

    public FormLoginApp(String user, String password) throws IOException {
        this(user, password, false);
    }

    /**
     * @param alwaysRedirect answer every POST with 302 to the status page and a cookie, right password or not (as
     *                       devices do that check the session only on the next page)
     */
    public FormLoginApp(String user, String password, boolean alwaysRedirect) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/" -> send(ex, 200, "<html><body><a href=\"/logo.png\">logo</a> "
                        + "<a href=\"login.html\">Log in</a></body></html>", null);
                case "/login.html" -> send(ex, 200, String.format(FORM, ""), null);
                case "/cgi-bin/login" -> {
                    posts.incrementAndGet();
                    Map<String, String> f = form(new String(ex.getRequestBody().readNBytes(8192),
                            StandardCharsets.UTF_8));
                    boolean ok = password != null && "t0k".equals(f.get("token")) && user.equals(f.get("user"))
                            && password.equals(f.get("pass"));
                    if (ok || alwaysRedirect) {
                        ex.getResponseHeaders().add("Set-Cookie", "SID=5e551on; Path=/; HttpOnly");
                        ex.getResponseHeaders().add("Location", "/status.html");
                        send(ex, 302, "", null);
                    } else {
                        send(ex, 200, String.format(FORM, "Wrong user name or password"), null);
                    }
                }
                default -> send(ex, 404, "not found", null);
            }
        });
        // one thread per exchange: the scanner's parallel identification probes (TLS, MQTT, ...) must not block
        // the default single dispatcher thread while it waits for a request line that never comes
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "form-login-app");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        port = server.getAddress().getPort();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String kv : body.split("&")) {
            String[] p = kv.split("=", 2);
            m.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                    p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return m;
    }

    private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type == null ? "text/html" : type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
