package org.iotb.report.sign;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Reads PEM files as openssl writes them: a private key (PKCS#8 or the traditional RSA/EC form) and certificates. */
final class Pem {
    private Pem() {
    }

    static PrivateKey privateKey(Path file) throws IOException {
        for (Object o : objects(file)) {
            if (o instanceof PEMKeyPair kp) {
                return new JcaPEMKeyConverter().getPrivateKey(kp.getPrivateKeyInfo());
            }
            if (o instanceof PrivateKeyInfo info) {
                return new JcaPEMKeyConverter().getPrivateKey(info);
            }
            if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new IOException(file + ": the key is encrypted; give an unencrypted key"
                        + " (e.g. openssl pkey -in " + file.getFileName() + " -out key.pem), kept where only the signer reads it");
            }
        }
        throw new IOException(file + ": no private key found (expected PEM, e.g. '-----BEGIN PRIVATE KEY-----')");
    }

    /** Every certificate in the file, in order (the signer's first, then its chain). */
    static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object o : objects(file)) {
            if (o instanceof X509CertificateHolder h) {
                try {
                    out.add(converter.getCertificate(h));
                } catch (CertificateException e) {
                    throw new IOException(file + ": unreadable certificate: " + e.getMessage());
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no certificate found (expected PEM, '-----BEGIN CERTIFICATE-----')");
        }
        return out;
    }

    private static List<Object> objects(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a readable file");
        }
        List<Object> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                out.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a PEM file: " + e.getMessage());
        }
        return out;
    }
}
