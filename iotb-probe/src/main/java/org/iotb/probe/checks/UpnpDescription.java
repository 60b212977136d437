package org.iotb.probe.checks;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;
import org.iotb.probe.proto.HttpResponse;

/**
 * Reads the UPnP device description an SSDP reply points to (LOCATION), but only when that URL is on the
 * target itself: a device must not make iotb fetch from anywhere else. Returns the model and firmware fields.
 */
public final class UpnpDescription {
    private static final Pattern LOCATION = Pattern.compile("(?i)location:\\s*(\\S+)");
    private static final Pattern FIELD = Pattern.compile(
            "<(manufacturer|modelName|modelNumber|firmwareVersion|softwareVersion|serialNumber)>([^<]{1,80})</");

    private UpnpDescription() {
    }

    public record Description(String url, List<String> fields) {
    }

    public static Description read(ProbeContext ctx, Service ssdp) {
        Matcher m = LOCATION.matcher(ssdp.banner() == null ? "" : ssdp.banner());
        if (!m.find()) {
            return null;
        }
        try {
            URI u = URI.create(m.group(1));
            if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null
                    || !java.net.InetAddress.getByName(u.getHost()).equals(ctx.address())) {
                return null;
            }
            int port = u.getPort() > 0 ? u.getPort() : 80;
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            try (Conn c = ctx.connect(port)) {
                c.send(Http.request(ctx, "GET", path, null));
                HttpResponse r = HttpResponse.parse(c.readAvailable(Http.MAX_BODY, ctx.options.readMillis(), null));
                List<String> fields = new ArrayList<>();
                Matcher f = FIELD.matcher(r.body());
                while (f.find() && fields.size() < 10) {
                    fields.add(f.group(1) + "=" + f.group(2).trim());
                }
                return new Description(u.toString(), fields);
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
