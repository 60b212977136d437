package org.iotb.probe.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.checks.Http;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Text;
import org.iotb.probe.proto.HttpResponse;

/**
 * HTTP Basic or Digest (RFC 7616, MD5, qop=auth) on the path that answered 401: 2xx/3xx/404 = in, 401 = wrong,
 * 429/503 or a dropped connection = refused (rate limiting or lockout), 403 and others = unclear.
 */
public final class HttpLogin implements LoginProbe {
    private final String path;
    private final String challenge;

    public HttpLogin(String path, String challenge) {
        this.path = path;
        this.challenge = challenge;
    }

    /** The login for a web service whose "/" answers 401 with a Basic or Digest challenge, else null. */
    public static HttpLogin detect(ProbeContext ctx, Service s) {
        try {
            HttpResponse r = Http.get(ctx, s, "/", null);
            String auth = r.header("www-authenticate");
            if (r.status() == 401 && auth != null) {
                String scheme = auth.split(" ")[0].toLowerCase(Locale.ROOT);
                if (scheme.equals("basic") || scheme.equals("digest")) {
                    return new HttpLogin("/", auth);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    @Override
    public String protocol() {
        return challenge.toLowerCase(Locale.ROOT).startsWith("digest") ? "http-digest" : "http-basic";
    }

    @Override
    public LoginResult attempt(ProbeContext ctx, Service s, Credential c) {
        long t0 = System.nanoTime();
        try {
            String header;
            if (protocol().equals("http-basic")) {
                header = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                        (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)) + "\r\n";
            } else {
                // a fresh nonce per attempt: ask again, then answer that challenge
                HttpResponse first = Http.get(ctx, s, path, null);
                String ch = first.header("www-authenticate");
                if (first.status() != 401 || ch == null) {
                    return verdict(first, t0);
                }
                header = "Authorization: " + digest(ch, c, "GET", path) + "\r\n";
            }
            HttpResponse r = Http.get(ctx, s, path, header);
            return verdict(r, t0);
        } catch (Exception e) {
            return new LoginResult(LoginResult.Verdict.REFUSED, (System.nanoTime() - t0) / 1_000_000,
                    String.valueOf(e.getMessage()));
        }
    }

    private static LoginResult verdict(HttpResponse r, long t0) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String line = Text.printable(r.statusLine());
        int st = r.status();
        // the same request without credentials was answered 401: any answer past the challenge means the
        // credentials were accepted, even when the page itself is missing (404)
        if (st >= 200 && st < 400 || st == 404) {
            return new LoginResult(LoginResult.Verdict.SUCCESS, ms, line);
        }
        if (st == 401) {
            return new LoginResult(LoginResult.Verdict.FAILURE, ms, line);
        }
        if (st == 429 || st == 503 || st < 0) {
            return new LoginResult(LoginResult.Verdict.REFUSED, ms, line);
        }
        return new LoginResult(LoginResult.Verdict.UNKNOWN, ms, line);
    }

    static String digest(String challenge, Credential c, String method, String uri) throws Exception {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String qop = param(challenge, "qop");
        String opaque = param(challenge, "opaque");
        String ha1 = md5(c.username() + ":" + realm + ":" + c.password());
        String ha2 = md5(method + ":" + uri);
        String cnonce = Long.toHexString(System.nanoTime());
        String nc = "00000001";
        boolean auth = qop != null && qop.contains("auth");
        String response = auth ? md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder sb = new StringBuilder("Digest username=\"").append(c.username()).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response).append('"');
        if (auth) {
            sb.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (opaque != null) {
            sb.append(", opaque=\"").append(opaque).append('"');
        }
        return sb.toString();
    }

    static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=(?:\"([^\"]*)\"|([^,\\s]+))", Pattern.CASE_INSENSITIVE).matcher(header);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    static String md5(String s) throws Exception {
        return Text.hex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
