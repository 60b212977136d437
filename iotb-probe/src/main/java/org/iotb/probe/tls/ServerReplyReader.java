package org.iotb.probe.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iotb.probe.net.Conn;
import org.iotb.probe.net.Text;

/**
 * Reads TLS records after our ClientHello and parses the ServerHello (and, when asked, the Certificate
 * message that follows in TLS 1.2 and below). Every length is checked against what was read; a reply that is
 * not TLS is reported as GARBAGE instead of being trusted.
 */
public final class ServerReplyReader {
    private static final int MAX_RECORD = 16384 + 2048;
    private static final int MAX_HANDSHAKE_BYTES = 256 * 1024;
    private static final byte[] HRR_RANDOM = hex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    private ServerReplyReader() {
    }

    public static ServerReply read(Conn conn, boolean wantCertificates) throws IOException {
        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        ServerReply hello = null;
        String firstExcerpt = null;
        while (true) {
            byte[] header;
            try {
                header = conn.readExactly(5);
            } catch (SocketTimeoutException e) {
                return hello != null ? hello : ServerReply.of(ServerReply.Kind.TIMEOUT, firstExcerpt);
            } catch (IOException e) {
                return hello != null ? hello : ServerReply.of(ServerReply.Kind.CLOSED, firstExcerpt);
            }
            if (firstExcerpt == null) {
                firstExcerpt = Text.printable(header, header.length, 40);
            }
            int type = header[0] & 0xff;
            int major = header[1] & 0xff;
            int len = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
            if (major != 3 || (type < 20 || type > 24) || len > MAX_RECORD) {
                return hello != null ? hello : ServerReply.of(ServerReply.Kind.GARBAGE, firstExcerpt);
            }
            byte[] body;
            try {
                body = conn.readExactly(len);
            } catch (IOException e) {
                return hello != null ? hello : ServerReply.of(ServerReply.Kind.CLOSED, firstExcerpt);
            }
            if (type == 21) {
                int desc = body.length >= 2 ? body[1] & 0xff : -1;
                return hello != null ? hello
                        : new ServerReply(ServerReply.Kind.ALERT, -1, -1, desc, List.of(), "alert " + desc);
            }
            if (type != 22) {
                // change_cipher_spec or encrypted data: nothing more in clear text for us
                return hello != null ? hello : ServerReply.of(ServerReply.Kind.GARBAGE, firstExcerpt);
            }
            hs.writeBytes(body);
            if (hs.size() > MAX_HANDSHAKE_BYTES) {
                return hello != null ? hello : ServerReply.of(ServerReply.Kind.GARBAGE, firstExcerpt);
            }
            // walk complete handshake messages collected so far
            byte[] all = hs.toByteArray();
            int p = 0;
            while (p + 4 <= all.length) {
                int mtype = all[p] & 0xff;
                int mlen = ((all[p + 1] & 0xff) << 16) | ((all[p + 2] & 0xff) << 8) | (all[p + 3] & 0xff);
                if (p + 4 + mlen > all.length) {
                    break;
                }
                byte[] msg = Arrays.copyOfRange(all, p + 4, p + 4 + mlen);
                p += 4 + mlen;
                if (mtype == 2 && hello == null) {
                    hello = parseServerHello(msg);
                    if (hello.kind() == ServerReply.Kind.GARBAGE || !wantCertificates
                            || hello.version() == 0x0304 || hello.kind() == ServerReply.Kind.HELLO_RETRY) {
                        return hello;
                    }
                } else if (mtype == 11 && hello != null) {
                    return new ServerReply(hello.kind(), hello.version(), hello.cipher(), -1,
                            parseCertificates(msg), hello.excerpt());
                } else if (mtype == 14) {
                    return hello != null ? hello : ServerReply.of(ServerReply.Kind.GARBAGE, firstExcerpt);
                }
            }
        }
    }

    static ServerReply parseServerHello(byte[] m) {
        try {
            int p = 0;
            int version = u16(m, p);
            p += 2;
            byte[] random = Arrays.copyOfRange(m, p, p + 32);
            p += 32;
            int sidLen = m[p] & 0xff;
            p += 1 + sidLen;
            int cipher = u16(m, p);
            p += 2;
            p += 1;
            if (p > m.length) {
                return ServerReply.of(ServerReply.Kind.GARBAGE, "short ServerHello");
            }
            if (p + 2 <= m.length) {
                int extLen = u16(m, p);
                p += 2;
                int end = Math.min(m.length, p + extLen);
                while (p + 4 <= end) {
                    int et = u16(m, p);
                    int el = u16(m, p + 2);
                    p += 4;
                    if (et == 0x002b && el == 2 && p + 2 <= end) {
                        version = u16(m, p);
                    }
                    p += el;
                }
            }
            ServerReply.Kind kind = Arrays.equals(random, HRR_RANDOM) ? ServerReply.Kind.HELLO_RETRY
                    : ServerReply.Kind.SERVER_HELLO;
            String ex = String.format("ServerHello %s %s", TlsVersion.label(version),
                    CipherSuites.byCode(cipher).iana());
            return new ServerReply(kind, version, cipher, -1, List.of(), ex);
        } catch (ArrayIndexOutOfBoundsException e) {
            return ServerReply.of(ServerReply.Kind.GARBAGE, "malformed ServerHello");
        }
    }

    static List<byte[]> parseCertificates(byte[] m) {
        List<byte[]> certs = new ArrayList<>();
        if (m.length < 3) {
            return certs;
        }
        int total = ((m[0] & 0xff) << 16) | ((m[1] & 0xff) << 8) | (m[2] & 0xff);
        int end = Math.min(m.length, 3 + total);
        int p = 3;
        while (p + 3 <= end && certs.size() < 10) {
            int len = ((m[p] & 0xff) << 16) | ((m[p + 1] & 0xff) << 8) | (m[p + 2] & 0xff);
            p += 3;
            if (p + len > end) {
                break;
            }
            certs.add(Arrays.copyOfRange(m, p, p + len));
            p += len;
        }
        return certs;
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
