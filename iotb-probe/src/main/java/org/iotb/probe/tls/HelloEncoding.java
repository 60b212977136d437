package org.iotb.probe.tls;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The pieces a TLS and a DTLS ClientHello share (RFC 5246 / 6347): big-endian integers, the cipher-suite list
 * with the renegotiation SCSV and null compression, and the common extensions.
 */
public final class HelloEncoding {
    private HelloEncoding() {
    }

    public static void u16(ByteArrayOutputStream o, int v) {
        o.write((v >> 8) & 0xff);
        o.write(v & 0xff);
    }

    public static void u24(ByteArrayOutputStream o, int v) {
        o.write((v >> 16) & 0xff);
        u16(o, v & 0xffff);
    }

    /**
     * The cipher suites offered plus TLS_EMPTY_RENEGOTIATION_INFO_SCSV (harmless, and some stacks expect it from
     * clients without the extension), then the compression methods: null only.
     */
    public static void cipherSuites(ByteArrayOutputStream o, List<Integer> ciphers) {
        u16(o, ciphers.size() * 2 + 2);
        for (int c : ciphers) {
            u16(o, c);
        }
        u16(o, 0x00ff);
        o.write(1);
        o.write(0);
    }

    /** An extension whose body is a length-prefixed list of 16-bit values (supported_groups, signature_algorithms). */
    public static void listExtension(ByteArrayOutputStream o, int type, int[] values) {
        u16(o, type);
        u16(o, values.length * 2 + 2);
        u16(o, values.length * 2);
        for (int v : values) {
            u16(o, v);
        }
    }

    /** ec_point_formats: uncompressed only. */
    public static void ecPointFormats(ByteArrayOutputStream o) {
        u16(o, 0x000b);
        u16(o, 2);
        o.write(1);
        o.write(0);
    }

    /** extended_master_secret (empty). */
    public static void extendedMasterSecret(ByteArrayOutputStream o) {
        u16(o, 0x0017);
        u16(o, 0);
    }
}
