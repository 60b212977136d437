package org.iotb.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like test client: its own cookie jar, no redirects followed, the CSRF token read from the login form. */
public final class Http {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    public final String base;
    public final HttpClient client;
    public String csrf;

    public Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Reads the login form's CSRF token (starting the anonymous session). */
    public String fetchCsrf() throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        csrf = m.group(1);
        return csrf;
    }

    /** Logs in through the form; returns the POST /login response (303 on success and on failure). */
    public HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        fetchCsrf();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("username", user);
        f.put("password", password);
        f.put("_csrf", csrf);
        HttpResponse<String> r = postForm("/login", f);
        // the session changed at login: the new session's token is on any page
        if (r.statusCode() == 303 && !r.headers().firstValue("Location").orElse("").contains("error")) {
            Matcher m = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(get("/api/v1/me").body());
            if (m.find()) {
                csrf = m.group(1);
            }
        }
        return r;
    }

    /** A multipart upload of {@code image} as firmware {@code version}, with the session's CSRF header. */
    public HttpResponse<String> upload(String path, String version, String fileName, byte[] image)
            throws IOException, InterruptedException {
        return send(uploadRequest(path, version, fileName, image).header("X-CSRF-Token", csrf == null ? "" : csrf));
    }

    public HttpRequest.Builder uploadRequest(String path, String version, String fileName, byte[] image) {
        String boundary = "----iotb" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n" + version
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> method(String method, String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").header("X-CSRF-Token", csrf == null ? "" : csrf)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").header("X-CSRF-Token", csrf == null ? "" : csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
