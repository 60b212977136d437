package org.iotb.probe.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.iotb.probe.net.Deadline;

/**
 * A JDK TLS connection that accepts any certificate: used to talk to the application inside TLS (HTTP, MQTT)
 * and to read TLS 1.3 chains. Never used to decide what the server's TLS accepts; that is the raw scanner's job.
 */
public final class TlsTunnel {
    private TlsTunnel() {
    }

    private static final TrustManager TRUST_ALL = new X509TrustManager() {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    public static SSLSocket open(InetAddress host, int port, int timeoutMillis, Deadline deadline)
            throws IOException {
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {TRUST_ALL}, null);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(host, port), deadline.clip(timeoutMillis));
            raw.setSoTimeout(deadline.clip(timeoutMillis));
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host.getHostAddress(), port, true);
            s.startHandshake();
            return s;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
