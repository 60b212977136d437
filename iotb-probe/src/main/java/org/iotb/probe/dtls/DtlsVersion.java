package org.iotb.probe.dtls;

/** DTLS versions offered: 1.0 (legacy, RFC 4347) and 1.2 (RFC 6347). */
public enum DtlsVersion {
    DTLS10(0xfeff, "DTLSv1.0"), DTLS12(0xfefd, "DTLSv1.2");

    public final int wire;
    public final String label;

    DtlsVersion(int wire, String label) {
        this.wire = wire;
        this.label = label;
    }
}
