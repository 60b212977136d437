package org.iotb.probe.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.net.Text;
import org.iotb.probe.net.UdpPortSpec;
import org.iotb.probe.proto.Coap;
import org.iotb.probe.proto.UdpPayloads;

/**
 * Sends one discovery datagram per UDP service consumer devices expose (SSDP, mDNS, CoAP, SNMP, TFTP) to the
 * target only (never multicast), and records who answered. UDP gives no "closed" signal we rely on: silence
 * means "not seen". The tester can move a probe to another port (coap=5684) or name extra ports that every probe
 * is sent to ({@link UdpPortSpec}).
 */
public final class UdpProber {
    private static final List<String> PROBES = List.of("coap", "ssdp", "mdns", "snmp", "tftp");
    public static final Map<String, Integer> DEFAULT_PORTS = Map.of("ssdp", 1900, "mdns", 5353, "coap", 5683,
            "snmp", 161, "tftp", 69);

    private final InetAddress host;
    private final int readMillis;
    private final Deadline deadline;
    private final Map<String, Integer> overrides;

    public UdpProber(InetAddress host, int readMillis, Deadline deadline, Map<String, Integer> overrides) {
        this.host = host;
        this.readMillis = readMillis;
        this.deadline = deadline;
        this.overrides = overrides == null ? Map.of() : overrides;
    }

    public int port(String service) {
        return overrides.getOrDefault(service, DEFAULT_PORTS.get(service));
    }

    public List<Service> probeAll() {
        List<Service> out = new ArrayList<>();
        for (String svc : PROBES) {
            if (deadline.expired()) {
                break;
            }
            Service s = probe(svc);
            if (s != null) {
                out.add(s);
            }
        }
        // ports the tester named without a service (--udp-ports 5000): every probe, the first recognised answer wins
        overrides.forEach((key, port) -> {
            if (!key.startsWith(UdpPortSpec.ANY) || out.stream().anyMatch(s -> s.port() == port)) {
                return;
            }
            for (String svc : PROBES) {
                if (deadline.expired()) {
                    return;
                }
                Service s = probe(svc, port);
                if (s != null) {
                    out.add(s);
                    return;
                }
            }
        });
        return out;
    }

    public Service probe(String svc) {
        return probe(svc, port(svc));
    }

    Service probe(String svc, int port) {
        byte[] req = UdpPayloads.forService(svc, host);
        try (DatagramSocket sock = new DatagramSocket()) {
            sock.connect(host, port);
            byte[] buf = new byte[8192];
            // two tries: a lost datagram should not hide a service
            for (int attempt = 0; attempt < 2 && !deadline.expired(); attempt++) {
                sock.send(new DatagramPacket(req, req.length));
                sock.setSoTimeout(deadline.clip(Math.min(readMillis, 1000)));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    sock.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (!recognised(svc, buf, p.getLength())) {
                    return null;
                }
                String banner = switch (svc) {
                    case "coap" -> coapBanner(buf, p.getLength());
                    case "ssdp" -> ssdpBanner(buf, p.getLength());
                    default -> Text.printable(buf, p.getLength(), 200);
                };
                return new Service(port, "udp", svc, banner, false, Text.printable(req, req.length, 80));
            }
        } catch (IOException e) {
            // ICMP port unreachable surfaces as an exception on a connected socket: nothing there
            return null;
        }
        return null;
    }

    static boolean recognised(String svc, byte[] b, int len) {
        String s = new String(b, 0, Math.min(len, 64), StandardCharsets.ISO_8859_1);
        return switch (svc) {
            case "ssdp" -> s.startsWith("HTTP/1.1 200") || s.startsWith("NOTIFY");
            case "coap" -> Coap.parse(b, len) != null;
            case "mdns" -> len >= 12 && (b[2] & 0x80) != 0;
            case "snmp" -> len >= 2 && b[0] == 0x30;
            case "tftp" -> len >= 4 && b[0] == 0 && (b[1] == 5 || b[1] == 3);
            default -> false;
        };
    }

    /** The SSDP headers worth keeping (SERVER, LOCATION, ST/USN) on one line, instead of a clipped dump. */
    static String ssdpBanner(byte[] b, int len) {
        StringBuilder sb = new StringBuilder();
        for (String line : new String(b, 0, len, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            String l = line.toLowerCase(java.util.Locale.ROOT);
            if (l.startsWith("server:") || l.startsWith("location:") || l.startsWith("st:")) {
                sb.append(sb.length() == 0 ? "" : " | ").append(Text.printable(line.trim()));
            }
        }
        return sb.length() == 0 ? Text.printable(b, len, 200) : sb.toString();
    }

    private static String coapBanner(byte[] b, int len) {
        Coap.Response r = Coap.parse(b, len);
        return r.code() + " " + Text.printable(r.payload());
    }
}
