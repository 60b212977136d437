package org.iotb.probe.proto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** MQTT 3.1.1 CONNECT and CONNACK, just enough to learn whether a broker lets a client in (RFC-free, OASIS spec). */
public final class Mqtt {
    private Mqtt() {
    }

    /** CONNECT with clean session; username/password omitted when null. */
    public static byte[] connect(String clientId, String username, String password) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        str(v, "MQTT");
        v.write(4);
        int flags = 0x02 | (username != null ? 0x80 : 0) | (password != null ? 0x40 : 0);
        v.write(flags);
        v.write(0);
        v.write(30);
        str(v, clientId);
        if (username != null) {
            str(v, username);
        }
        if (password != null) {
            str(v, password);
        }
        byte[] body = v.toByteArray();
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x10);
        int len = body.length;
        do {
            int b = len % 128;
            len /= 128;
            p.write(len > 0 ? b | 0x80 : b);
        } while (len > 0);
        p.writeBytes(body);
        return p.toByteArray();
    }

    /** The CONNACK return code (0 = accepted, 4 = bad credentials, 5 = not authorised), or -1 if not a CONNACK. */
    public static int connackCode(byte[] reply) {
        if (reply.length >= 4 && (reply[0] & 0xff) == 0x20 && reply[1] == 2) {
            return reply[3] & 0xff;
        }
        return -1;
    }

    /**
     * Why {@code reply} is an MQTT packet that breaks the protocol, or null when it is a well-formed CONNACK or no
     * MQTT at all. Recognised as MQTT: a CONNACK (0x20) or PUBLISH (0x3n) type byte followed by a remaining length
     * that is not the CONNACK's 2 and is not printable text (a continuation bit or a control byte) — the shape of a
     * broker answering CONNECT with an absurd length (issue #20: 268,435,455 bytes, which would need 256 MB).
     */
    public static String malformedReply(byte[] reply) {
        if (reply.length < 2 || connackCode(reply) >= 0) {
            return null;
        }
        int type = reply[0] & 0xff;
        int second = reply[1] & 0xff;
        if (type != 0x20 && (type & 0xf0) != 0x30) {
            return null;
        }
        if (second >= 0x20 && second < 0x80) {
            return null; // printable: text that happens to start with a space or a digit, not MQTT
        }
        long length = 0;
        int i = 1;
        for (int shift = 0; i < reply.length && i <= 4; i++, shift += 7) {
            length |= (long) (reply[i] & 0x7f) << shift;
            if ((reply[i] & 0x80) == 0) {
                break;
            }
        }
        String what = type == 0x20 ? "CONNACK" : "PUBLISH";
        if (i > 4 || i >= reply.length) {
            return "an MQTT " + what + " whose remaining length is not a valid variable-length integer";
        }
        if (type == 0x20) {
            return "an MQTT CONNACK claiming a remaining length of " + length + " bytes (a CONNACK has 2)";
        }
        return "an MQTT PUBLISH of " + length + " bytes where a CONNACK was due";
    }

    public static String describe(int code) {
        return switch (code) {
            case 0 -> "connection accepted";
            case 1 -> "unacceptable protocol version";
            case 2 -> "identifier rejected";
            case 3 -> "server unavailable";
            case 4 -> "bad user name or password";
            case 5 -> "not authorised";
            default -> "no CONNACK";
        };
    }

    private static void str(ByteArrayOutputStream o, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.write(b.length >> 8);
        o.write(b.length & 0xff);
        o.writeBytes(b);
    }
}
