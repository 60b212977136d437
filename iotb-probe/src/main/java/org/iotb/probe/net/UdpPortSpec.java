package org.iotb.probe.net;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses the --udp-ports syntax: a comma list of {@code service=port} (the probe for that service goes to that
 * port instead of its standard one: coap, coaps, ssdp, mdns, snmp, tftp) and bare {@code port}s (every discovery
 * probe is sent there too, and the first that gets a recognisable answer names the service). The result is the
 * map that {@code ProbeOptions.udpPorts} holds: service → port, and {@link #ANY}{@code port} → port for bare ones.
 */
public final class UdpPortSpec {
    /** Key prefix of a bare port in the map: "any:5000" → 5000. */
    public static final String ANY = "any:";
    public static final Set<String> SERVICES = Set.of("coap", "coaps", "ssdp", "mdns", "snmp", "tftp");

    private UdpPortSpec() {
    }

    public static Map<String, Integer> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty UDP port list");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                int port = port(p);
                out.put(ANY + port, port);
                continue;
            }
            String service = p.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
            if (!SERVICES.contains(service)) {
                throw new IllegalArgumentException("unknown UDP service '" + service + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(SERVICES)) + ")");
            }
            out.put(service, port(p.substring(eq + 1)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty UDP port list");
        }
        return out;
    }

    private static int port(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("UDP port out of range: " + s.trim());
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a UDP port or service=port: '" + s.trim() + "'");
        }
    }
}
