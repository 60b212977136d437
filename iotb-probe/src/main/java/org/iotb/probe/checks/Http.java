package org.iotb.probe.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;
import org.iotb.probe.proto.HttpResponse;
import org.iotb.probe.tls.TlsTunnel;

/** Minimal HTTP/1.0 client over a plain or TLS socket, bounded in size and time (no redirects followed). */
public final class Http {
    static final int MAX_BODY = 256 * 1024;

    private Http() {
    }

    public static boolean isWeb(Service s) {
        return s.is("http") || s.is("https");
    }

    public static List<Service> webServices(ProbeContext ctx) {
        List<Service> out = new ArrayList<>(ctx.services("http"));
        out.addAll(ctx.services("https"));
        return out;
    }

    public static String request(ProbeContext ctx, String method, String path, String extraHeaders) {
        return method + " " + path + " HTTP/1.0\r\nHost: " + ctx.target.name() + "\r\nUser-Agent: iotb-probe\r\n"
                + "Accept: */*\r\nConnection: close\r\n" + (extraHeaders == null ? "" : extraHeaders) + "\r\n";
    }

    public static HttpResponse get(ProbeContext ctx, Service s, String path, String extraHeaders) throws IOException {
        return exchange(ctx, s, request(ctx, "GET", path, extraHeaders).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** POSTs an application/x-www-form-urlencoded body (a web login form). */
    public static HttpResponse postForm(ProbeContext ctx, Service s, String path, String extraHeaders, String body)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = request(ctx, "POST", path, (extraHeaders == null ? "" : extraHeaders)
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + b.length + "\r\n");
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] req = java.util.Arrays.copyOf(h, h.length + b.length);
        System.arraycopy(b, 0, req, h.length, b.length);
        return exchange(ctx, s, req);
    }

    /** Sends one complete request and reads the bounded reply (the server closes: HTTP/1.0, Connection: close). */
    public static HttpResponse exchange(ProbeContext ctx, Service s, byte[] req) throws IOException {
        if (s.tls()) {
            try (SSLSocket sock = TlsTunnel.open(ctx.address(), s.port(), ctx.options.readMillis(), ctx.deadline)) {
                OutputStream o = sock.getOutputStream();
                o.write(req);
                o.flush();
                return HttpResponse.parse(headersEnded(readAll(sock.getInputStream())));
            }
        }
        try (Conn c = ctx.connect(s.port())) {
            c.send(req);
            return HttpResponse.parse(headersEnded(c.readAvailable(MAX_BODY, ctx.options.readMillis(), null)));
        }
    }

    /**
     * A reply whose header section never ended (a slowloris server dripping header bytes until our deadline) is no
     * HTTP answer: judging "no credentials asked" from its status line would invent a pass (issue #20).
     */
    static byte[] headersEnded(byte[] raw) throws IOException {
        String head = new String(raw, 0, Math.min(raw.length, MAX_BODY), StandardCharsets.ISO_8859_1);
        if (raw.length > 0 && !head.contains("\r\n\r\n") && !head.contains("\n\n")) {
            throw new IOException("HTTP reply headers did not end (" + raw.length + " bytes without a blank line)");
        }
        return raw;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; b.size() < MAX_BODY && (n = in.read(buf)) > 0; ) {
                b.write(buf, 0, Math.min(n, MAX_BODY - b.size()));
            }
        } catch (SocketTimeoutException e) {
            // keep what arrived
        }
        return b.toByteArray();
    }

    public static String url(ProbeContext ctx, Service s, String path) {
        return (s.tls() ? "https://" : "http://") + ctx.host() + ":" + s.port() + path;
    }
}
