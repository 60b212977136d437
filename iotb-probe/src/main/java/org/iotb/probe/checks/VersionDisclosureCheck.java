package org.iotb.probe.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.proto.HttpResponse;

/**
 * net.disclosure.version: software names with version numbers in service banners, HTTP headers and UPnP/mDNS
 * replies. Patterns are data (data/version-patterns.txt); each must capture product and version.
 */
public final class VersionDisclosureCheck implements DeviceCheck {
    public static final String ID = "net.disclosure.version";
    static final List<Pattern> PATTERNS = load();
    private static final List<String> HEADERS = List.of("server", "x-powered-by", "x-aspnet-version", "via");

    @Override
    public String name() {
        return "version disclosure";
    }

    @Override
    public List<String> checkIds() {
        return List.of(ID);
    }

    /** "product version" strings found in a text, e.g. ["OpenSSH 9.2p1", "nginx 1.22.1"]. */
    public static List<String> versions(String text) {
        List<String> out = new ArrayList<>();
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find() && out.size() < 10) {
                String v = m.group(1) + " " + m.group(2);
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    @Override
    public List<Finding> run(ProbeContext ctx) {
        if (ctx.services.isEmpty()) {
            return List.of(Finding.notRun(ID, "no service found"));
        }
        List<Evidence> ev = new ArrayList<>();
        Map<String, Object> found = new LinkedHashMap<>();
        List<String> looked = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        for (Service s : ctx.services) {
            List<String> texts = new ArrayList<>();
            String proto = s.transport() + "/" + s.service();
            if (Http.isWeb(s)) {
                try {
                    HttpResponse r = Http.get(ctx, s, "/", null);
                    for (String h : HEADERS) {
                        if (r.header(h) != null) {
                            texts.add(h + ": " + r.header(h));
                        }
                    }
                    looked.add(s.port() + "/" + s.service() + " headers");
                } catch (IOException e) {
                    continue;
                }
            } else if (s.malformed() != null) {
                // a reply that breaks its protocol is no banner: judging it would pass on junk
                cut.add(s.port() + "/" + s.transport() + " (" + s.service() + " reply malformed)");
            } else if (s.banner() != null && !s.banner().isEmpty() && !s.tls()) {
                texts.add(s.bannerRead() != null ? s.bannerRead() : s.banner());
                looked.add(s.port() + "/" + s.transport() + " " + s.service() + " banner");
                if (s.bannerCut()) {
                    cut.add(s.port() + "/" + s.transport());
                }
            }
            if (s.is("ssdp")) {
                UpnpDescription.Description d = UpnpDescription.read(ctx, s);
                if (d != null) {
                    looked.add("UPnP description " + d.url());
                    List<String> versioned = d.fields().stream()
                            .filter(f -> (f.startsWith("modelNumber=") || f.startsWith("firmwareVersion=")
                                    || f.startsWith("softwareVersion=")) && f.matches(".*\\d.*")).toList();
                    if (!versioned.isEmpty()) {
                        found.put("UPnP " + d.url(), d.fields());
                        ev.add(Ev.of(ctx, s, "upnp", "GET " + d.url(), String.join("; ", d.fields())));
                    }
                }
            }
            for (String t : texts) {
                List<String> v = versions(t);
                if (!v.isEmpty()) {
                    found.put(s.port() + "/" + s.transport(), v);
                    ev.add(Ev.of(ctx, s, proto, s.request(), t.length() > 200 ? org.iotb.probe.net.Text.printable(t) : t));
                }
            }
        }
        if (!found.isEmpty()) {
            return List.of(new Finding(ID, Outcome.WARNING, Severity.LOW, "software versions disclosed: "
                    + found, ev, Map.of("versions", found)));
        }
        if (!cut.isEmpty()) {
            // a version past the read cap, or behind a reply that broke its protocol, would go unseen: no pass
            return List.of(Finding.notRun(ID, "no software version found, but the banner on " + String.join(", ", cut)
                    + " was not judged in full (more than the " + Service.BANNER_CAP + " bytes iotb reads, or a"
                    + " malformed reply)" + (looked.isEmpty() ? "" : "; looked at " + String.join(", ", looked))));
        }
        if (looked.isEmpty()) {
            return List.of(Finding.notRun(ID, "no banner or HTTP header could be read"));
        }
        return List.of(Finding.pass(ID, "no software version in " + String.join(", ", looked), List.of()));
    }

    private static List<Pattern> load() {
        List<Pattern> out = new ArrayList<>();
        try (InputStream in = VersionDisclosureCheck.class.getResourceAsStream(
                "/org/iotb/probe/data/version-patterns.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(Pattern.compile(line.trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
