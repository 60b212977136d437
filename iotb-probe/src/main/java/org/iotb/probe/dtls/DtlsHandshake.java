package org.iotb.probe.dtls;

import static org.iotb.probe.tls.HelloEncoding.u16;
import static org.iotb.probe.tls.HelloEncoding.u24;

import org.iotb.probe.tls.HelloEncoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.iotb.probe.net.Deadline;

/**
 * One DTLS ClientHello exchange over UDP, built by hand (RFC 6347): ClientHello, HelloVerifyRequest with a
 * cookie, ClientHello again with the cookie, then the ServerHello or an alert. A fatal alert is sent at the end
 * so the server can drop the half-open session at once.
 */
public final class DtlsHandshake {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] GROUPS = {0x001d, 0x0017, 0x0018, 0x0019};
    private static final int[] SIG_ALGS = {0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601,
        0x0201, 0x0203};

    /** chosen cipher (or -1), negotiated version (or -1), alert description (or -1), what happened. */
    public record Result(int cipher, int version, int alert, String note) {
        public boolean accepted() {
            return cipher >= 0;
        }
    }

    private DtlsHandshake() {
    }

    public static Result run(InetAddress host, int port, DtlsVersion v, List<Integer> ciphers, int timeoutMillis,
            Deadline deadline) throws IOException {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        try (DatagramSocket sock = new DatagramSocket()) {
            sock.connect(host, port);
            byte[] cookie = new byte[0];
            for (int round = 0; round < 2; round++) {
                byte[] hello = clientHello(v, random, cookie, ciphers, round);
                byte[] reply = exchange(sock, hello, timeoutMillis, deadline);
                if (reply == null) {
                    return new Result(-1, -1, -1, round == 0 ? "no answer" : "no answer after cookie");
                }
                Result r = parse(reply);
                if (r == null) {
                    return new Result(-1, -1, -1, "not DTLS");
                }
                if (r.note().startsWith("cookie:")) {
                    cookie = hex(r.note().substring(7));
                    continue;
                }
                if (r.accepted()) {
                    sendAlert(sock, v);
                }
                return r;
            }
            return new Result(-1, -1, -1, "repeated HelloVerifyRequest");
        }
    }

    private static byte[] exchange(DatagramSocket sock, byte[] out, int timeoutMillis, Deadline deadline)
            throws IOException {
        byte[] buf = new byte[16384];
        for (int attempt = 0; attempt < 2 && !deadline.expired(); attempt++) {
            sock.send(new DatagramPacket(out, out.length));
            sock.setSoTimeout(deadline.clip(timeoutMillis));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                sock.receive(p);
                return Arrays.copyOf(buf, p.getLength());
            } catch (SocketTimeoutException e) {
                // DTLS retransmits; so do we, once
            } catch (java.net.PortUnreachableException e) {
                return null;
            }
        }
        return null;
    }

    /** Walks the records of one datagram; null when it is not DTLS at all. */
    static Result parse(byte[] d) {
        int p = 0;
        boolean dtls = false;
        while (p + 13 <= d.length) {
            int type = d[p] & 0xff;
            int major = d[p + 1] & 0xff;
            int len = ((d[p + 11] & 0xff) << 8) | (d[p + 12] & 0xff);
            if (major != 0xfe || p + 13 + len > d.length) {
                break;
            }
            dtls = true;
            int b = p + 13;
            if (type == 21 && len >= 2) {
                return new Result(-1, -1, d[b + 1] & 0xff, "alert " + (d[b + 1] & 0xff));
            }
            if (type == 22 && len >= 12) {
                int msg = d[b] & 0xff;
                int fragLen = ((d[b + 9] & 0xff) << 16) | ((d[b + 10] & 0xff) << 8) | (d[b + 11] & 0xff);
                int body = b + 12;
                if (body + fragLen > b + len) {
                    return new Result(-1, -1, -1, "fragmented handshake");
                }
                if (msg == 3 && fragLen >= 3) {
                    int clen = d[body + 2] & 0xff;
                    if (body + 3 + clen <= body + fragLen) {
                        StringBuilder sb = new StringBuilder("cookie:");
                        for (int i = 0; i < clen; i++) {
                            sb.append(String.format("%02x", d[body + 3 + i] & 0xff));
                        }
                        return new Result(-1, -1, -1, sb.toString());
                    }
                }
                if (msg == 2 && fragLen >= 38) {
                    int version = ((d[body] & 0xff) << 8) | (d[body + 1] & 0xff);
                    int sid = d[body + 34] & 0xff;
                    int c = body + 35 + sid;
                    if (c + 2 <= body + fragLen) {
                        int cipher = ((d[c] & 0xff) << 8) | (d[c + 1] & 0xff);
                        return new Result(cipher, version, -1, "ServerHello");
                    }
                }
            }
            p += 13 + len;
        }
        return dtls ? new Result(-1, -1, -1, "no ServerHello") : null;
    }

    static byte[] clientHello(DtlsVersion v, byte[] random, byte[] cookie, List<Integer> ciphers, int seq) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, v.wire);
        body.writeBytes(random);
        body.write(0);
        body.write(cookie.length);
        body.writeBytes(cookie);
        HelloEncoding.cipherSuites(body, ciphers);
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        HelloEncoding.listExtension(ext, 0x000a, GROUPS);
        HelloEncoding.ecPointFormats(ext);
        if (v == DtlsVersion.DTLS12) {
            HelloEncoding.listExtension(ext, 0x000d, SIG_ALGS);
        }
        HelloEncoding.extendedMasterSecret(ext);
        byte[] e = ext.toByteArray();
        u16(body, e.length);
        body.writeBytes(e);
        byte[] b = body.toByteArray();
        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        hs.write(1);
        u24(hs, b.length);
        u16(hs, seq);
        u24(hs, 0);
        u24(hs, b.length);
        hs.writeBytes(b);
        return record(22, 0xfeff, seq, hs.toByteArray());
    }

    private static void sendAlert(DatagramSocket sock, DtlsVersion v) {
        byte[] a = record(21, v.wire, 2, new byte[] {2, 90});
        try {
            sock.send(new DatagramPacket(a, a.length));
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static byte[] record(int type, int version, long seq, byte[] payload) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        r.write(type);
        u16(r, version);
        u16(r, 0);
        u16(r, (int) (seq >> 32));
        u16(r, (int) ((seq >> 16) & 0xffff));
        u16(r, (int) (seq & 0xffff));
        u16(r, payload.length);
        r.writeBytes(payload);
        return r.toByteArray();
    }


    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
