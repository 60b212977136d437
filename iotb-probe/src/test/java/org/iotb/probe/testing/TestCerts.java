package org.iotb.probe.testing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates server certificates with chosen flaws (expiry, key size, signature, issuer) as PEM files. */
public final class TestCerts {
    private TestCerts() {
    }

    public record Pem(Path cert, Path key, X509Certificate x509) {
    }

    /**
     * @param rsaBits    key size
     * @param sigAlg     e.g. SHA256withRSA or SHA1withRSA
     * @param expired    validity ended yesterday
     * @param caSigned   signed by a throwaway CA instead of by itself
     */
    public static Pem make(Path dir, String name, int rsaBits, String sigAlg, boolean expired, boolean caSigned)
            throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(rsaBits);
        KeyPair kp = g.generateKeyPair();
        KeyPair issuerKey = kp;
        X500Name subject = new X500Name("CN=localhost,O=iotb test " + name);
        X500Name issuer = subject;
        if (caSigned) {
            KeyPairGenerator cg = KeyPairGenerator.getInstance("RSA");
            cg.initialize(2048);
            issuerKey = cg.generateKeyPair();
            issuer = new X500Name("CN=iotb test CA");
        }
        long now = System.currentTimeMillis();
        Date from = expired ? new Date(now - 400L * 86_400_000) : new Date(now - 86_400_000);
        Date to = expired ? new Date(now - 86_400_000) : new Date(now + 365L * 86_400_000);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now), from, to,
                subject, kp.getPublic());
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(sigAlg).build(issuerKey.getPrivate())));
        Path c = dir.resolve(name + ".crt");
        Path k = dir.resolve(name + ".key");
        Files.writeString(c, pem(cert));
        Files.writeString(k, pem(kp.getPrivate()));
        return new Pem(c, k, cert);
    }

    private static String pem(Object o) throws Exception {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return sw.toString();
    }
}
