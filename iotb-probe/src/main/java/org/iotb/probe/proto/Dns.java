package org.iotb.probe.proto;

/** A DNS query over TCP (CHAOS TXT version.bind), to recognise a resolver and, often, its version. */
public final class Dns {
    private static final byte[] QUERY = {
        0x1c, 0x0d, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x07, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0x04, 'b', 'i', 'n', 'd', 0x00, 0x00, 0x10, 0x00, 0x03};

    private Dns() {
    }

    public static byte[] tcpQuery() {
        byte[] out = new byte[QUERY.length + 2];
        out[0] = 0;
        out[1] = (byte) QUERY.length;
        System.arraycopy(QUERY, 0, out, 2, QUERY.length);
        return out;
    }

    public static boolean isTcpReply(byte[] r) {
        return r.length >= 14 && r[2] == 0x1c && r[3] == 0x0d && (r[4] & 0x80) != 0;
    }
}
