package org.iotb.firmware.checks.keys;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;

/**
 * The public halves of the private keys shipped in an image (RSA moduli, EC points). A certificate whose key
 * matches one of them is the device's own identity, wherever the file sits, even in a trust-store directory.
 */
final class ImageKeyIdentities {
    private static final int MAX_KEYS = 256;
    private final Set<BigInteger> rsaModuli = new HashSet<>();
    private final Set<String> ecPoints = new HashSet<>();

    static ImageKeyIdentities of(FileTree tree) {
        ImageKeyIdentities ids = new ImageKeyIdentities();
        int seen = 0;
        for (TreeFile f : tree.ofKind(FileKind.KEY)) {
            if (seen >= MAX_KEYS) {
                break;
            }
            try {
                String text = new String(tree.read(f), StandardCharsets.ISO_8859_1);
                for (PemBlocks.Block b : PemBlocks.find(text, 16)) {
                    seen++;
                    ids.add(b.text());
                }
            } catch (Exception | LinkageError e) {
                // unreadable or unparseable: the key check reports it; here it simply adds no identity
            }
        }
        return ids;
    }

    private void add(String pem) throws Exception {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o = p.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair kp) {
                addPublic(conv.getKeyPair(kp).getPublic());
            } else if (o instanceof PrivateKeyInfo pki) {
                PrivateKey k = conv.getPrivateKey(pki);
                if (k instanceof RSAPrivateCrtKey r) {
                    rsaModuli.add(r.getModulus());
                }
            }
        }
    }

    private void addPublic(PublicKey k) {
        if (k instanceof RSAPublicKey r) {
            rsaModuli.add(r.getModulus());
        } else if (k instanceof ECPublicKey e) {
            ecPoints.add(e.getW().getAffineX() + ":" + e.getW().getAffineY());
        }
    }

    boolean matches(PublicKey k) {
        if (k instanceof RSAPublicKey r) {
            return rsaModuli.contains(r.getModulus());
        }
        if (k instanceof ECPublicKey e) {
            return ecPoints.contains(e.getW().getAffineX() + ":" + e.getW().getAffineY());
        }
        return false;
    }
}
