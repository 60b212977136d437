package org.iotb.probe.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.iotb.probe.Ports;
import org.iotb.probe.net.Conn;
import org.iotb.probe.net.Deadline;
import org.iotb.probe.net.Text;
import org.iotb.probe.proto.Adb;
import org.iotb.probe.proto.Dns;
import org.iotb.probe.proto.Mqtt;
import org.iotb.probe.proto.Replies;
import org.iotb.probe.tls.CipherSuites;
import org.iotb.probe.tls.ClientHello;
import org.iotb.probe.tls.TlsTunnel;
import org.iotb.probe.tls.TlsVersion;

/**
 * Names the service on an open TCP port: first listen for a banner (SSH, Telnet, FTP speak first), then try
 * probes for silent protocols (TLS, HTTP, MQTT, RTSP, ADB, DNS), starting with the one the port number
 * suggests. Each probe is one short connection; the first recognised reply wins.
 */
public final class ServiceIdentifier {
    private final InetAddress host;
    private final int connectMillis;
    private final int probeMillis;
    private final Deadline deadline;

    public ServiceIdentifier(InetAddress host, int connectMillis, int readMillis, Deadline deadline) {
        this.host = host;
        this.connectMillis = connectMillis;
        this.probeMillis = Math.min(readMillis, 1500);
        this.deadline = deadline;
    }

    public Service identify(int port) {
        try {
            byte[] banner;
            try (Conn c = open(port)) {
                banner = c.readAvailable(Service.BANNER_CAP, 200, null);
            }
            String kind = Replies.classify(banner);
            if (banner.length > 0) {
                // a reply that fills the cap is taken as cut: what follows it was not read, so not judged
                return new Service(port, "tcp", kind != null ? kind : "unknown", Text.printable(banner, banner.length,
                        200), false, null, Text.latin1(banner, banner.length), banner.length >= Service.BANNER_CAP,
                        "mqtt".equals(kind) ? Mqtt.malformedReply(banner) : null);
            }
            // silent port: all probes at once (one short connection each), the first in preference order wins
            List<String> probes = order(Ports.hint(port));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                    probes.size(), r -> {
                        Thread t = new Thread(r, "iotb-probe-" + port);
                        t.setDaemon(true);
                        return t;
                    });
            try {
                List<java.util.concurrent.Future<Service>> fs = new ArrayList<>();
                for (String probe : probes) {
                    fs.add(pool.submit(() -> tryProbe(port, probe)));
                }
                for (java.util.concurrent.Future<Service> f : fs) {
                    try {
                        Service s = f.get();
                        if (s != null) {
                            return s;
                        }
                    } catch (java.util.concurrent.ExecutionException e) {
                        // that probe failed; the next may still recognise the service
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pool.shutdownNow();
            }
        } catch (IOException e) {
            return new Service(port, "tcp", "unknown", "", false, null);
        }
        return new Service(port, "tcp", "unknown", "", false, null);
    }

    private Conn open(int port) throws IOException {
        return Conn.open(host, port, connectMillis, probeMillis, deadline);
    }

    static List<String> order(String hint) {
        Set<String> o = new LinkedHashSet<>();
        if (hint.contains("https") || hint.contains("mqtts")) {
            o.add("tls");
        } else if (hint.contains("rtsp")) {
            o.add("rtsp");
        } else if (hint.contains("mqtt")) {
            o.add("mqtt");
        } else if (hint.contains("adb")) {
            o.add("adb");
        } else if (hint.contains("dns")) {
            o.add("dns");
        }
        o.addAll(List.of("tls", "http", "mqtt", "rtsp", "adb", "dns"));
        return new ArrayList<>(o);
    }

    private Service tryProbe(int port, String probe) throws IOException {
        byte[] request = switch (probe) {
            case "tls" -> ClientHello.build(TlsVersion.TLS12, CipherSuites.legacyCodes(), null);
            case "http" -> ("GET / HTTP/1.0\r\nHost: " + host.getHostAddress() + "\r\nUser-Agent: iotb\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            case "rtsp" -> "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            case "mqtt" -> Mqtt.connect("iotb-probe", null, null);
            case "adb" -> Adb.connect();
            case "dns" -> Dns.tcpQuery();
            default -> throw new IllegalArgumentException(probe);
        };
        byte[] reply;
        try (Conn c = open(port)) {
            c.send(request);
            reply = c.readAvailable(Service.BANNER_CAP, 150, r -> Replies.classify(r) != null && r.length >= 5);
        } catch (IOException e) {
            return null;
        }
        String kind = Replies.classify(reply);
        if (kind == null) {
            return null;
        }
        String req = probe.equals("tls") ? "TLS ClientHello" : Text.printable(request, request.length, 80);
        if (kind.equals("tls")) {
            return new Service(port, "tcp", insideTls(port), "TLS", true, req);
        }
        return new Service(port, "tcp", kind, Text.printable(reply, reply.length, 200), false, req,
                Text.latin1(reply, reply.length), reply.length >= Service.BANNER_CAP,
                kind.equals("mqtt") ? Mqtt.malformedReply(reply) : null);
    }

    /** What runs inside TLS: HTTP or MQTT, asked through a JDK TLS connection (trusting anything). */
    private String insideTls(int port) {
        String hint = Ports.hint(port);
        for (String inner : hint.contains("mqtt") ? List.of("mqtt", "http") : List.of("http", "mqtt")) {
            try (SSLSocket s = TlsTunnel.open(host, port, probeMillis, deadline)) {
                OutputStream out = s.getOutputStream();
                out.write(inner.equals("http")
                        ? ("GET / HTTP/1.0\r\nHost: " + host.getHostAddress() + "\r\n\r\n").getBytes()
                        : Mqtt.connect("iotb-probe", null, null));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] buf = new byte[16];
                int n = in.readNBytes(buf, 0, inner.equals("http") ? 5 : 4);
                byte[] r = java.util.Arrays.copyOf(buf, n);
                String k = Replies.classify(r);
                if ("http".equals(k)) {
                    return "https";
                }
                if ("mqtt".equals(k)) {
                    return "mqtts";
                }
            } catch (IOException e) {
                // try the next inner protocol
            }
        }
        if (hint.contains("mqtts")) {
            return "mqtts";
        }
        return hint.contains("https") ? "https" : "tls";
    }
}
