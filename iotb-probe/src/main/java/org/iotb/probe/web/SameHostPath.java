package org.iotb.probe.web;

import java.net.URI;

/** Turns a link or redirect target into a path on the probed web service, or null when it leaves that service. */
public final class SameHostPath {
    private SameHostPath() {
    }

    /**
     * @param base the path of the page the link is on ("/", "/cgi/login.html")
     * @param link the href/action/Location as written
     * @param host the target's address or name, as the scanner addresses it
     * @param port the service's port
     */
    public static String resolve(String base, String link, String host, int port) {
        if (link == null || link.length() > 500 || link.startsWith("#") || link.startsWith("javascript:")
                || link.startsWith("mailto:") || link.startsWith("data:")) {
            return null;
        }
        try {
            URI b = new URI("http", null, "h", port, base, null, null);
            URI u = b.resolve(new URI(link.replace(" ", "%20")));
            if (link.contains("://") || link.startsWith("//")) {
                if (u.getHost() == null || !(u.getHost().equalsIgnoreCase(host)
                        || u.getHost().equals("[" + host + "]")) || (u.getPort() != -1 && u.getPort() != port)) {
                    return null;
                }
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (Exception e) {
            return null;
        }
    }
}
