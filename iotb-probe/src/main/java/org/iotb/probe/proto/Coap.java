package org.iotb.probe.proto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** CoAP (RFC 7252) GET request and response parsing, enough for resource discovery. */
public final class Coap {
    private Coap() {
    }

    /** A confirmable GET for the given path segments, e.g. (".well-known", "core"). */
    public static byte[] get(int messageId, String... path) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x40);
        o.write(0x01);
        o.write((messageId >> 8) & 0xff);
        o.write(messageId & 0xff);
        int last = 0;
        for (String seg : path) {
            byte[] b = seg.getBytes(StandardCharsets.UTF_8);
            int delta = 11 - last;
            last = 11;
            if (b.length < 13) {
                o.write((delta << 4) | b.length);
            } else {
                o.write((delta << 4) | 13);
                o.write(b.length - 13);
            }
            o.writeBytes(b);
        }
        return o.toByteArray();
    }

    /** A parsed response: code as "2.05", message id, payload. Null when the datagram is not CoAP. */
    public record Response(String code, int messageId, String payload) {
        public boolean success() {
            return code.startsWith("2.");
        }
    }

    public static Response parse(byte[] d, int len) {
        if (len < 4 || (d[0] & 0xc0) != 0x40) {
            return null;
        }
        int tkl = d[0] & 0x0f;
        int code = d[1] & 0xff;
        int mid = ((d[2] & 0xff) << 8) | (d[3] & 0xff);
        int p = 4 + tkl;
        if (tkl > 8 || p > len) {
            return null;
        }
        // skip options until the payload marker
        while (p < len && (d[p] & 0xff) != 0xff) {
            int delta = (d[p] >> 4) & 0x0f;
            int olen = d[p] & 0x0f;
            p++;
            if (delta == 15 || olen == 15) {
                return null;
            }
            p += delta == 13 ? 1 : delta == 14 ? 2 : 0;
            if (olen == 13) {
                if (p >= len) {
                    return null;
                }
                olen = 13 + (d[p] & 0xff);
                p++;
            } else if (olen == 14) {
                if (p + 1 >= len) {
                    return null;
                }
                olen = 269 + (((d[p] & 0xff) << 8) | (d[p + 1] & 0xff));
                p += 2;
            }
            p += olen;
            if (p > len) {
                return null;
            }
        }
        String payload = p < len ? new String(d, p + 1, len - p - 1, StandardCharsets.UTF_8) : "";
        return new Response((code >> 5) + "." + String.format("%02d", code & 0x1f), mid, payload);
    }
}
