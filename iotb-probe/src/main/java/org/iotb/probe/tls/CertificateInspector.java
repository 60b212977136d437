package org.iotb.probe.tls;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.iotb.model.Sha256;

/** Reads the served leaf certificate and lists what is wrong with it. */
public final class CertificateInspector {
    private CertificateInspector() {
    }

    /**
     * @param problems  "expired", "not-yet-valid", "self-signed", "weak-key", "weak-signature" with detail
     */
    public record Inspection(X509Certificate cert, String sha256, String publicKeySha256, String keyType,
            int keyBits, String signatureAlgorithm, boolean selfSigned, List<String> problems) {
    }

    public static X509Certificate parse(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    public static Inspection inspect(X509Certificate c, Date now) throws Exception {
        List<String> problems = new ArrayList<>();
        if (now.after(c.getNotAfter())) {
            problems.add("expired on " + c.getNotAfter().toInstant());
        }
        if (now.before(c.getNotBefore())) {
            problems.add("not valid before " + c.getNotBefore().toInstant());
        }
        boolean selfSigned = false;
        if (c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            try {
                c.verify(c.getPublicKey());
                selfSigned = true;
            } catch (Exception notSelf) {
                selfSigned = false;
            }
        }
        PublicKey k = c.getPublicKey();
        String type = k.getAlgorithm();
        int bits = keyBits(k);
        boolean weakKey = switch (type) {
            case "RSA", "DSA" -> bits < 2048;
            case "EC" -> bits < 224;
            default -> false;
        };
        if (weakKey) {
            problems.add("weak key: " + type + " " + bits + " bits");
        }
        String sig = c.getSigAlgName();
        String s = sig.toUpperCase(Locale.ROOT);
        if (!selfSigned && (s.contains("MD5") || s.contains("MD2") || s.startsWith("SHA1"))) {
            // a self-signed certificate's own signature protects nothing, so its hash is not a finding
            problems.add("weak signature: " + sig);
        } else if (selfSigned && (s.contains("MD5") || s.contains("MD2"))) {
            problems.add("weak signature: " + sig);
        }
        return new Inspection(c, sha256(c.getEncoded()), sha256(k.getEncoded()), type, bits, sig, selfSigned,
                problems);
    }

    static int keyBits(PublicKey k) {
        if (k instanceof RSAPublicKey r) {
            return r.getModulus().bitLength();
        }
        if (k instanceof ECPublicKey e) {
            return e.getParams().getOrder().bitLength();
        }
        if (k instanceof DSAPublicKey d) {
            return d.getParams().getP().bitLength();
        }
        return -1;
    }

    public static String sha256(byte[] data) {
        return Sha256.of(data);
    }
}
