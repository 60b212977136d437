package org.iotb.probe.net;

import java.nio.charset.StandardCharsets;

/** Turns attacker-controlled bytes into short, printable excerpts for evidence. */
public final class Text {
    private Text() {
    }

    /** Printable ASCII kept, CR/LF shown as \r \n, everything else as \xNN; cut at {@code max} characters. */
    public static String printable(byte[] data, int len, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len && sb.length() < max; i++) {
            int b = data[i] & 0xff;
            if (b == '\r') {
                sb.append("\\r");
            } else if (b == '\n') {
                sb.append("\\n");
            } else if (b >= 0x20 && b < 0x7f) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.length() > max ? sb.substring(0, max) : sb.toString();
    }

    public static String printable(byte[] data) {
        return printable(data, data.length, 200);
    }

    public static String printable(String s) {
        return printable(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static String latin1(byte[] data, int len) {
        return new String(data, 0, len, StandardCharsets.ISO_8859_1);
    }

    public static String hex(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length * 2);
        for (byte b : data) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
