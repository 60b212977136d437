package org.iotb.probe.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.iotb.probe.net.Conn;

/**
 * Reads an SSH server's version line and its first binary packet (KEXINIT) from a plain socket: no key
 * exchange is done. Lengths are checked; at most 20 pre-banner lines and a 35000-byte packet are accepted.
 */
public final class KexInitReader {
    private static final int MAX_PACKET = 35_000;

    private KexInitReader() {
    }

    public static KexInit read(Conn c) throws IOException {
        c.send("SSH-2.0-iotb_probe\r\n");
        String banner = null;
        for (int i = 0; i < 20; i++) {
            String line = c.readLine(255);
            if (line.startsWith("SSH-")) {
                banner = line;
                break;
            }
        }
        if (banner == null) {
            throw new IOException("no SSH identification line");
        }
        byte[] head = c.readExactly(5);
        long len = ((head[0] & 0xffL) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        int pad = head[4] & 0xff;
        if (len < 2 || len > MAX_PACKET || pad >= len) {
            throw new IOException("implausible SSH packet length " + len);
        }
        byte[] rest = c.readExactly((int) len - 1);
        int payloadLen = (int) len - 1 - pad;
        if (payloadLen < 17 || rest[0] != 20) {
            throw new IOException("first packet is not KEXINIT");
        }
        Cursor cur = new Cursor(rest, 17, payloadLen);
        List<String> kex = cur.nameList();
        List<String> hostKey = cur.nameList();
        List<String> c2s = cur.nameList();
        List<String> s2c = cur.nameList();
        List<String> m2s = cur.nameList();
        List<String> ms2c = cur.nameList();
        List<String> comp = cur.nameList();
        return new KexInit(banner, kex, hostKey, merge(c2s, s2c), merge(m2s, ms2c), comp);
    }

    private static List<String> merge(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }

    private static final class Cursor {
        private final byte[] b;
        private final int end;
        private int p;

        Cursor(byte[] b, int start, int end) {
            this.b = b;
            this.p = start;
            this.end = end;
        }

        List<String> nameList() throws IOException {
            if (p + 4 > end) {
                throw new IOException("truncated KEXINIT");
            }
            int n = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            p += 4;
            if (n < 0 || p + n > end) {
                throw new IOException("name-list overruns KEXINIT");
            }
            String s = new String(b, p, n, StandardCharsets.US_ASCII);
            p += n;
            List<String> out = new ArrayList<>();
            for (String x : s.split(",")) {
                if (!x.isEmpty()) {
                    out.add(x);
                }
            }
            return out;
        }
    }
}
