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
 */
public record Service(int port, String transport, String service, String banner, boolean tls, String request) {

    public Map<String, Object> toData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("port", port);
        m.put("transport", transport);
        m.put("service", service);
        m.put("banner", banner == null ? "" : banner);
        m.put("tls", tls);
        return m;
    }

    public boolean is(String name) {
        return service.equals(name);
    }
}
