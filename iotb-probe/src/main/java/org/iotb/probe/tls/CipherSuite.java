package org.iotb.probe.tls;

import java.util.List;
import java.util.Locale;

/** One TLS cipher suite from the data table, with the weaknesses its parts imply. */
public record CipherSuite(int code, String iana, String openssl, String protocol, String kx, String auth,
        String enc, String mac) {

    public boolean tls13() {
        return (code & 0xff00) == 0x1300;
    }

    public boolean aead() {
        String e = enc.toUpperCase(Locale.ROOT);
        return e.contains("GCM") || e.contains("CCM") || e.contains("POLY1305");
    }

    /**
     * Labels of what the grading sources reject (null, anon, export, rc4, rc2, des, 3des, idea, md5; empty for an
     * acceptable suite), from data/tls-grading.yaml.
     */
    public List<String> weaknesses() {
        return TlsGrading.of(this).stream().filter(g -> g.level().equals("fail")).map(TlsGrading.Grade::label).toList();
    }

    /** Labels of what the grading sources merely discourage (no-forward-secrecy, cbc-sha1). */
    public List<String> discouraged() {
        return TlsGrading.of(this).stream().filter(g -> g.level().equals("warn")).map(TlsGrading.Grade::label).toList();
    }

    public String hexCode() {
        return String.format("0x%04x", code);
    }
}
