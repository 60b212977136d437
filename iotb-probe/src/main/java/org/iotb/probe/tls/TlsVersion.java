package org.iotb.probe.tls;

/** The protocol versions iotb offers one by one. SSLv2 is not offered (no device should still speak it). */
public enum TlsVersion {
    SSL3(0x0300, "SSLv3"), TLS10(0x0301, "TLSv1.0"), TLS11(0x0302, "TLSv1.1"), TLS12(0x0303, "TLSv1.2"),
    TLS13(0x0304, "TLSv1.3");

    public final int wire;
    public final String label;

    TlsVersion(int wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public boolean legacy() {
        return this == SSL3 || this == TLS10 || this == TLS11;
    }

    public static String label(int wire) {
        for (TlsVersion v : values()) {
            if (v.wire == wire) {
                return v.label;
            }
        }
        return String.format("0x%04x", wire);
    }
}
