package org.iotb.sbom.vuln.feed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy the feed downloads go through. The JVM's own settings win ({@code -Dhttps.proxyHost=… -Dhttps.proxyPort=…},
 * {@code http.proxyHost}, {@code http.nonProxyHosts}: the JDK's default selector honours them); otherwise the
 * environment variables curl and most tools read: {@code https_proxy}/{@code HTTPS_PROXY} for https URLs,
 * {@code http_proxy}/{@code HTTP_PROXY} for http URLs, hosts in {@code no_proxy}/{@code NO_PROXY} (comma-separated
 * names or {@code .domain} suffixes, {@code *} for all) connect directly. Proxy user names and passwords are not
 * supported (the JDK refuses Basic authentication for HTTPS tunnels by default).
 */
public final class Proxies {
    private Proxies() {
    }

    public static ProxySelector selector(Map<String, String> env) {
        if (!blank(System.getProperty("https.proxyHost")) || !blank(System.getProperty("http.proxyHost"))) {
            return ProxySelector.getDefault();
        }
        InetSocketAddress https = address(first(env, "https_proxy", "HTTPS_PROXY"));
        InetSocketAddress http = address(first(env, "http_proxy", "HTTP_PROXY"));
        if (https == null && http == null) {
            return ProxySelector.getDefault();
        }
        return new EnvSelector(https, http, noProxy(first(env, "no_proxy", "NO_PROXY")));
    }

    /** A one-line description for the progress output, e.g. "proxy 10.0.0.1:3128" or "no proxy". */
    public static String describe(ProxySelector s, URI uri) {
        List<Proxy> ps = s == null ? List.of(Proxy.NO_PROXY) : s.select(uri);
        Proxy p = ps.isEmpty() ? Proxy.NO_PROXY : ps.get(0);
        if (p.type() == Proxy.Type.DIRECT) {
            return "no proxy";
        }
        return "proxy " + (p.address() instanceof InetSocketAddress a ? a.getHostString() + ":" + a.getPort()
                : String.valueOf(p.address()));
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (!blank(v)) {
                return v.trim();
            }
        }
        return null;
    }

    /** "http://host:3128", "host:3128", "http://user:pw@host:3128/" → host:3128 (user info ignored). */
    static InetSocketAddress address(String value) {
        if (value == null) {
            return null;
        }
        URI u = URI.create(value.contains("://") ? value : "http://" + value);
        if (u.getHost() == null) {
            throw new IllegalArgumentException("cannot read the proxy setting " + value);
        }
        int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
        return InetSocketAddress.createUnresolved(u.getHost(), port);
    }

    private static List<String> noProxy(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static final class EnvSelector extends ProxySelector {
        private final InetSocketAddress https;
        private final InetSocketAddress http;
        private final List<String> direct;

        EnvSelector(InetSocketAddress https, InetSocketAddress http, List<String> direct) {
            this.https = https;
            this.http = http;
            this.direct = direct;
        }

        @Override
        public List<Proxy> select(URI uri) {
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            for (String d : direct) {
                String suffix = d.startsWith(".") ? d : "." + d;
                if (d.equals("*") || host.equals(d) || host.equals(d.replaceFirst("^\\.", ""))
                        || host.endsWith(suffix)) {
                    return List.of(Proxy.NO_PROXY);
                }
            }
            InetSocketAddress a = "https".equalsIgnoreCase(uri.getScheme()) ? (https != null ? https : http)
                    : (http != null ? http : https);
            return List.of(a == null ? Proxy.NO_PROXY : new Proxy(Proxy.Type.HTTP, a));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // nothing to remember: one proxy, no fallback
        }
    }
}
