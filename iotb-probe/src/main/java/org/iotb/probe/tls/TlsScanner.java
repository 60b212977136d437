package org.iotb.probe.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotb.probe.net.Conn;
import org.iotb.probe.net.Deadline;

/**
 * Audits one TLS port the way sslscan and testssl.sh do, with hand-made ClientHellos: for each protocol
 * version, offer every known suite, note the one the server picks, remove it and offer the rest again until
 * the server refuses. Protocols are audited in parallel (one connection each at a time).
 */
public final class TlsScanner {
    private final InetAddress host;
    private final int port;
    private final String sniName;
    private final int connectMillis;
    private final int readMillis;
    private final Deadline deadline;

    public TlsScanner(InetAddress host, int port, String sniName, int connectMillis, int readMillis,
            Deadline deadline) {
        this.host = host;
        this.port = port;
        this.sniName = sniName;
        this.connectMillis = connectMillis;
        this.readMillis = readMillis;
        this.deadline = deadline;
    }

    private record ProtocolResult(TlsVersion version, List<CipherSuite> ciphers, List<byte[]> certs,
            String evidence, boolean complete) {
    }

    public TlsReport audit() {
        ExecutorService pool = Executors.newFixedThreadPool(TlsVersion.values().length, r -> {
            Thread t = new Thread(r, "iotb-tls-" + port);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ProtocolResult>> futures = new ArrayList<>();
            for (TlsVersion v : TlsVersion.values()) {
                futures.add(pool.submit(() -> enumerate(v)));
            }
            List<String> protocols = new ArrayList<>();
            Map<String, List<CipherSuite>> ciphers = new LinkedHashMap<>();
            Map<String, String> evidence = new LinkedHashMap<>();
            List<byte[]> certs = List.of();
            boolean complete = true;
            for (Future<ProtocolResult> f : futures) {
                ProtocolResult r;
                try {
                    r = f.get();
                } catch (Exception e) {
                    complete = false;
                    continue;
                }
                complete &= r.complete();
                if (!r.ciphers().isEmpty()) {
                    protocols.add(r.version().label);
                    ciphers.put(r.version().label, r.ciphers());
                    evidence.put(r.version().label, r.evidence());
                }
                // prefer the chain served by the newest protocol that still shows it in clear text
                if (!r.certs().isEmpty()) {
                    certs = r.certs();
                }
            }
            return new TlsReport(protocols, ciphers, certs, evidence, complete);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Offers, picks, removes, repeats. Bounded by the size of the suite list. */
    private ProtocolResult enumerate(TlsVersion v) {
        List<Integer> remaining = new ArrayList<>(v == TlsVersion.TLS13 ? CipherSuites.tls13Codes()
                : CipherSuites.legacyCodes());
        List<CipherSuite> accepted = new ArrayList<>();
        List<byte[]> certs = List.of();
        String evidence = null;
        boolean complete = true;
        while (!remaining.isEmpty()) {
            if (deadline.expired()) {
                complete = false;
                break;
            }
            ServerReply reply;
            try {
                reply = handshake(v, remaining, certs.isEmpty());
            } catch (IOException e) {
                // a refused or reset connection mid-enumeration means "no more"; a dead port would fail at once
                break;
            }
            if (!reply.accepted() || reply.version() != v.wire || !remaining.contains(reply.cipher())) {
                break;
            }
            accepted.add(CipherSuites.byCode(reply.cipher()));
            if (evidence == null) {
                evidence = reply.excerpt();
            }
            if (!reply.certificates().isEmpty()) {
                certs = reply.certificates();
            }
            remaining.remove(Integer.valueOf(reply.cipher()));
        }
        return new ProtocolResult(v, accepted, certs, evidence, complete);
    }

    public ServerReply handshake(TlsVersion v, List<Integer> offer, boolean wantCerts) throws IOException {
        try (Conn c = Conn.open(host, port, connectMillis, readMillis, deadline)) {
            c.send(ClientHello.build(v, offer, sniName));
            return ServerReplyReader.read(c, wantCerts);
        }
    }
}
