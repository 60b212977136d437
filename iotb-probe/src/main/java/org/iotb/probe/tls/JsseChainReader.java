package org.iotb.probe.tls;

import java.net.InetAddress;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.iotb.probe.net.Deadline;

/** TLS 1.3 encrypts the Certificate message: for a 1.3-only server the chain is read through {@link TlsTunnel}. */
public final class JsseChainReader {
    private JsseChainReader() {
    }

    public static List<byte[]> read(InetAddress host, int port, int timeoutMillis, Deadline deadline) {
        try (SSLSocket s = TlsTunnel.open(host, port, timeoutMillis, deadline)) {
            List<byte[]> out = new ArrayList<>();
            for (Certificate c : s.getSession().getPeerCertificates()) {
                out.add(c.getEncoded());
            }
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }
}
