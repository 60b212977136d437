package org.iotb.probe.tls;

import java.util.ArrayList;
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

    /** Weakness labels: null, anon, export, rc4, rc2, des, 3des, idea, md5 (empty for an acceptable suite). */
    public List<String> weaknesses() {
        List<String> w = new ArrayList<>();
        String e = enc.toUpperCase(Locale.ROOT);
        if (e.equals("NONE")) {
            w.add("null");
        }
        if (auth.equalsIgnoreCase("None")) {
            w.add("anon");
        }
        if (iana.contains("EXPORT")) {
            w.add("export");
        }
        if (e.startsWith("RC4")) {
            w.add("rc4");
        }
        if (e.startsWith("RC2")) {
            w.add("rc2");
        }
        if (e.startsWith("DES(")) {
            w.add("des");
        }
        if (e.startsWith("3DES")) {
            w.add("3des");
        }
        if (e.startsWith("IDEA")) {
            w.add("idea");
        }
        if (mac.equalsIgnoreCase("MD5")) {
            w.add("md5");
        }
        return w;
    }

    public String hexCode() {
        return String.format("0x%04x", code);
    }
}
