package org.iotb.probe.proto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Android Debug Bridge over TCP: the host's CNXN message, and reading the device's answer. */
public final class Adb {
    public static final int CNXN = 0x4e584e43;
    public static final int AUTH = 0x48545541;

    private Adb() {
    }

    public static byte[] connect() {
        byte[] payload = "host::iotb\0".getBytes(StandardCharsets.US_ASCII);
        int crc = 0;
        for (byte b : payload) {
            crc += b & 0xff;
        }
        ByteBuffer bb = ByteBuffer.allocate(24 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(CNXN).putInt(0x01000000).putInt(256 * 1024).putInt(payload.length).putInt(crc)
                .putInt(CNXN ^ 0xffffffff).put(payload);
        return bb.array();
    }

    /** CNXN (open shell access), AUTH (key authentication required) or 0. */
    public static int command(byte[] reply) {
        if (reply.length < 24) {
            return 0;
        }
        ByteBuffer bb = ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        int cmd = bb.getInt(0);
        int magic = bb.getInt(20);
        return (cmd == CNXN || cmd == AUTH) && magic == (cmd ^ 0xffffffff) ? cmd : 0;
    }
}
