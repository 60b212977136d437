package org.iotb.probe.proto;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Recognises a protocol from the first bytes a server sends (spontaneously or in answer to a probe). */
public final class Replies {
    private Replies() {
    }

    public static String classify(byte[] r) {
        if (r.length == 0) {
            return null;
        }
        String head = new String(r, 0, Math.min(r.length, 512), StandardCharsets.ISO_8859_1);
        String lower = head.toLowerCase(Locale.ROOT);
        if (head.startsWith("SSH-")) {
            return "ssh";
        }
        if ((r[0] & 0xff) == 0xff && r.length >= 2 && (r[1] & 0xff) >= 0xfb) {
            return "telnet";
        }
        if (head.startsWith("HTTP/")) {
            return "http";
        }
        if (head.startsWith("RTSP/")) {
            return "rtsp";
        }
        if (head.startsWith("220") || head.startsWith("120")) {
            return lower.contains("smtp") && !lower.contains("ftp") ? "smtp" : "ftp";
        }
        if (r.length >= 3 && (r[0] == 0x16 || r[0] == 0x15) && r[1] == 0x03 && (r[2] & 0xff) <= 0x04) {
            return "tls";
        }
        if (Mqtt.connackCode(r) >= 0 || Mqtt.malformedReply(r) != null) {
            return "mqtt";
        }
        if (Adb.command(r) != 0) {
            return "adb";
        }
        if (Dns.isTcpReply(r)) {
            return "dns";
        }
        if (lower.contains("login:") || lower.contains("username:")) {
            return "telnet";
        }
        return null;
    }
}
