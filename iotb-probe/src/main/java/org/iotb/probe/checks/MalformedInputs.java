package org.iotb.probe.checks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The small, fixed set of malformed requests the robustness probe sends: each one is the kind of input a parser
 * with a fixed buffer or an unchecked length mishandles. Sizes are bounded (at most 64 KiB per request).
 */
public final class MalformedInputs {
    static final int OVERLONG = 64 * 1024;

    private MalformedInputs() {
    }

    /** One malformed request: what it is (for the report) and its bytes. */
    public record Input(String name, byte[] bytes) {
    }

    public static List<Input> http() {
        return List.of(
                new Input("overlong request line (" + OVERLONG + "-byte URI)",
                        ascii("GET /" + "A".repeat(OVERLONG) + " HTTP/1.1\r\nHost: iotb\r\n\r\n")),
                new Input("overlong header (" + OVERLONG + "-byte value)",
                        ascii("GET / HTTP/1.1\r\nHost: iotb\r\nX-Iotb: " + "B".repeat(OVERLONG) + "\r\n\r\n")),
                new Input("invalid method (control and non-ASCII bytes)",
                        new byte[] {0x01, 'G', (byte) 0xff, 'T', ' ', '/', ' ', 'H', 'T', 'T', 'P', '/', '1', '.',
                            '1', '\r', '\n', '\r', '\n'}),
                new Input("invalid version and a header without colon",
                        ascii("GET / HTTP/9.-1\r\nHost iotb\r\n\r\n")));
    }

    public static List<Input> mqtt() {
        // CONNECT whose remaining length claims the 4-byte maximum (268,435,455) and then stops after 10 bytes
        byte[] huge = {0x10, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04};
        // a remaining length with a fifth continuation byte, which MQTT forbids
        byte[] badLength = {0x10, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0x00};
        // CONNECT whose protocol-name length (65535) runs past the end of the packet
        byte[] nameOverrun = {0x10, 0x06, (byte) 0xff, (byte) 0xff, 'M', 'Q', 'T', 'T'};
        return List.of(new Input("truncated CONNECT with remaining length 268435455", huge),
                new Input("CONNECT with a 5-byte remaining length", badLength),
                new Input("CONNECT whose protocol-name length overruns the packet", nameOverrun));
    }

    public static List<Input> coap() {
        // version 1, confirmable, token length 15 (9-15 are reserved: a message format error), GET, message id
        byte[] tkl15 = new byte[4 + 15];
        tkl15[0] = 0x4f;
        tkl15[1] = 0x01;
        tkl15[2] = 0x7a;
        tkl15[3] = 0x01;
        Arrays.fill(tkl15, 4, tkl15.length, (byte) 0x41);
        // token length 8 but only 2 token bytes present
        byte[] shortToken = {0x48, 0x01, 0x7a, 0x02, 0x41, 0x41};
        // an option with the reserved delta 15 that is not the payload marker
        byte[] badOption = {0x40, 0x01, 0x7a, 0x03, (byte) 0xf1, 0x41};
        return List.of(new Input("token length 15 (reserved)", tkl15),
                new Input("token length 8 with 2 token bytes", shortToken),
                new Input("option with reserved delta 15", badOption));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
