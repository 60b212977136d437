package org.iotb.probe.discovery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service found on the device.
 *
 * @param port      port number
 * @param transport "tcp" or "udp"
 * @param service   identified protocol (ssh, telnet, ftp, http, rtsp, mqtt, adb, dns, coap, ssdp, mdns, snmp,
 *                  tftp, tls, unknown)
 * @param banner    printable excerpt of what identified it (banner, status line, reply)
 * @param tls       whether the service speaks TLS (https, mqtts, ...)
 * @param request   the probe that got the reply (null when the service spoke first)
 * @param bannerRead all of the banner iotb read (up to {@link #BANNER_CAP} bytes, ISO-8859-1), which the checks
 *                   judge; {@code banner} is only its printable excerpt
 * @param bannerCut  whether the service sent more than {@link #BANNER_CAP} bytes before iotb stopped reading:
 *                   what came after was not judged (issue #20, a 1 MB banner)
 * @param malformed  why the reply that named the protocol broke it (e.g. an MQTT CONNACK with a remaining length of
 *                   268,435,455 bytes), or null: the protocol's checks do not run on such a service and say so
 */
public record Service(int port, String transport, String service, String banner, boolean tls, String request,
                      String bannerRead, boolean bannerCut, String malformed) {
    /** The most iotb reads of a banner or a first reply. */
    public static final int BANNER_CAP = 4096;

    public Service(int port, String transport, String service, String banner, boolean tls, String request) {
        this(port, transport, service, banner, tls, request, banner, false, null);
    }

    public Map<String, Object> toData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("port", port);
        m.put("transport", transport);
        m.put("service", service);
        m.put("banner", banner == null ? "" : banner);
        m.put("tls", tls);
        if (bannerCut) {
            m.put("bannerCut", true);
        }
        if (malformed != null) {
            m.put("malformed", malformed);
        }
        return m;
    }

    public boolean is(String name) {
        return service.equals(name);
    }
}
