package org.iotb.firmware.checks.keys;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Names a private key's type and size without ever exposing it: PEM (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8),
 * DER PKCS#8 and OpenSSH's own format. Falls back to the PEM label when the body cannot be parsed.
 */
public final class KeyDescriber {
    private KeyDescriber() {
    }

    /** Type and size of a PEM private key block such as "RSA 2048-bit" or "Ed25519 (OpenSSH)". */
    public static String describePem(String pemBlock, String label) {
        if (label.contains("OPENSSH")) {
            return describeOpenSsh(pemBlock);
        }
        try (PEMParser p = new PEMParser(new StringReader(pemBlock))) {
            Object o = p.readObject();
            if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
                return "encrypted PKCS#8 key";
            }
            PrivateKey k = null;
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair kp) {
                k = conv.getPrivateKey(kp.getPrivateKeyInfo());
            } else if (o instanceof PrivateKeyInfo pki) {
                k = conv.getPrivateKey(pki);
            } else if (o != null && o.getClass().getSimpleName().contains("Encrypted")) {
                return "encrypted " + label.replace(" PRIVATE KEY", "").strip() + " key";
            }
            if (k != null) {
                return describe(k);
            }
        } catch (Exception | LinkageError e) {
            // unparseable body: fall back to the label
        }
        return pemBlock.contains("Proc-Type: 4,ENCRYPTED") ? "encrypted " + label : label;
    }

    public static String describe(PrivateKey k) {
        if (k instanceof RSAPrivateKey r) {
            return "RSA " + r.getModulus().bitLength() + "-bit";
        }
        if (k instanceof ECPrivateKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize() + "-bit";
        }
        if (k instanceof DSAPrivateKey d) {
            return "DSA " + d.getParams().getP().bitLength() + "-bit";
        }
        return k.getAlgorithm();
    }

    /** openssh-key-v1: magic, cipher, kdf, kdfoptions, count, then the public key blob naming the type. */
    static String describeOpenSsh(String pemBlock) {
        try {
            String body = pemBlock.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(body));
            byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
            for (byte m : magic) {
                if (b.get() != m) {
                    return "OpenSSH private key";
                }
            }
            String cipher = str(b);
            str(b); // kdf name
            skip(b); // kdf options
            b.getInt(); // number of keys
            ByteBuffer pub = ByteBuffer.wrap(bytes(b));
            String type = str(pub);
            String enc = cipher.equals("none") ? "" : " (encrypted)";
            if (type.equals("ssh-rsa")) {
                bytes(pub); // e
                BigInteger n = new BigInteger(bytes(pub));
                return "RSA " + n.bitLength() + "-bit (OpenSSH)" + enc;
            }
            return switch (type) {
                case "ssh-ed25519" -> "Ed25519 (OpenSSH)" + enc;
                case "ssh-dss" -> "DSA (OpenSSH)" + enc;
                default -> type + " (OpenSSH)" + enc;
            };
        } catch (RuntimeException e) {
            return "OpenSSH private key";
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    private static String str(ByteBuffer b) {
        return new String(bytes(b), StandardCharsets.US_ASCII);
    }

    private static void skip(ByteBuffer b) {
        bytes(b);
    }
}
