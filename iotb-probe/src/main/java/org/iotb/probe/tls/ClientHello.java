package org.iotb.probe.tls;

import static org.iotb.probe.tls.HelloEncoding.u16;
import static org.iotb.probe.tls.HelloEncoding.u24;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.List;

/**
 * Builds a ClientHello byte for byte, so that any protocol version and any cipher suite can be offered,
 * whatever the local TLS stack would allow. Extensions: SNI (for names), groups, point formats, signature
 * algorithms, extended master secret, renegotiation info; for TLS 1.3 also supported_versions, an x25519 key
 * share and psk modes. SSLv3 gets no extensions.
 */
public final class ClientHello {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] GROUPS = {0x001d, 0x0017, 0x0018, 0x0019, 0x001e, 0x0015, 0x0013, 0x0100, 0x0101,
        0x0102, 0x0103, 0x0104};
    private static final int[] SIG_ALGS = {0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809,
        0x080a, 0x080b, 0x0401, 0x0501, 0x0601, 0x0303, 0x0203, 0x0201, 0x0402, 0x0502, 0x0602, 0x0301, 0x0302,
        0x0202, 0x0101, 0x0102};

    private ClientHello() {
    }

    public static byte[] build(TlsVersion version, List<Integer> ciphers, String sniName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean tls13 = version == TlsVersion.TLS13;
        u16(body, tls13 ? 0x0303 : version.wire);
        body.writeBytes(random(32));
        if (tls13) {
            body.write(32);
            body.writeBytes(random(32));
        } else {
            body.write(0);
        }
        HelloEncoding.cipherSuites(body, ciphers);
        if (version != TlsVersion.SSL3) {
            byte[] ext = extensions(tls13, sniName);
            u16(body, ext.length);
            body.writeBytes(ext);
        }
        byte[] b = body.toByteArray();
        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        hs.write(1);
        u24(hs, b.length);
        hs.writeBytes(b);
        byte[] h = hs.toByteArray();
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        rec.write(0x16);
        u16(rec, version == TlsVersion.SSL3 ? 0x0300 : 0x0301);
        u16(rec, h.length);
        rec.writeBytes(h);
        return rec.toByteArray();
    }

    private static byte[] extensions(boolean tls13, String sniName) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        if (sniName != null && !sniName.isEmpty() && !sniName.matches("[0-9.]+|.*:.*")) {
            byte[] n = sniName.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            u16(e, 0x0000);
            u16(e, n.length + 5);
            u16(e, n.length + 3);
            e.write(0);
            u16(e, n.length);
            e.writeBytes(n);
        }
        HelloEncoding.listExtension(e, 0x000a, GROUPS);
        HelloEncoding.ecPointFormats(e);
        HelloEncoding.listExtension(e, 0x000d, SIG_ALGS);
        HelloEncoding.extendedMasterSecret(e);
        u16(e, 0xff01);
        u16(e, 1);
        e.write(0);
        if (tls13) {
            u16(e, 0x002b);
            u16(e, 3);
            e.write(2);
            u16(e, 0x0304);
            u16(e, 0x0033);
            u16(e, 2 + 4 + 32);
            u16(e, 4 + 32);
            u16(e, 0x001d);
            u16(e, 32);
            // any 32 bytes are a valid x25519 public value; we never finish the handshake
            e.writeBytes(random(32));
            u16(e, 0x002d);
            u16(e, 2);
            e.write(1);
            e.write(1);
        }
        return e.toByteArray();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
