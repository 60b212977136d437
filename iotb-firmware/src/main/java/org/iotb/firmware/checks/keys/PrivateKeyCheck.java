package org.iotb.firmware.checks.keys;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.key.private-key: private keys shipped in the image (PEM blocks in any file including binaries, DER
 * PKCS#8 key files, OpenSSH keys). Evidence names type and size and fingerprints the key material; the key
 * itself is never copied into the report.
 */
public final class PrivateKeyCheck implements FirmwareCheck {
    private static final String MARKER_TEXT = "PRIVATE KEY-----";
    private static final byte[] MARKER = MARKER_TEXT.getBytes(StandardCharsets.US_ASCII);

    @Override
    public String id() {
        return "fw.key.private-key";
    }

    @Override
    public List<Finding> run(ScanContext ctx) throws Exception {
        List<Evidence> hits = new ArrayList<>();
        int scanned = 0;
        for (TreeFile f : ctx.tree().files()) {
            if (f.kind() == FileKind.EMPTY) {
                continue;
            }
            scanned++;
            // the marker is a printable run, so the (shared, cached) lines/strings tell whether to look closer
            boolean marker = f.isText() ? ctx.tree().lines(f).stream().anyMatch(l -> l.contains(MARKER_TEXT))
                    : f.kind() == FileKind.KEY || ctx.tree().strings(f).stream().anyMatch(h -> h.text().contains(MARKER_TEXT));
            if (!marker && f.kind() != FileKind.KEY) {
                continue;
            }
            byte[] bytes = ctx.tree().read(f);
            if (indexOf(bytes, MARKER) >= 0) {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                for (PemBlocks.Block b : PemBlocks.find(text, 50)) {
                    if (!b.label().endsWith("PRIVATE KEY") || b.der() == null || b.der().length < 32) {
                        continue; // headers without a body are templates, not keys
                    }
                    String what = KeyDescriber.describePem(b.text(), b.label());
                    Evidence e = f.isText()
                            ? Evidence.line(f.path(), PemBlocks.lineOf(text, b.start()), what + " private key")
                            : Evidence.offset(f.path(), b.start(), what + " private key embedded in a binary");
                    hits.add(e.withFingerprint(Results.sha256(b.der())));
                }
            } else if (f.kind() == FileKind.KEY && bytes.length > 0 && bytes[0] == 0x30) {
                String what = derKey(bytes);
                if (what != null) {
                    hits.add(Evidence.file(f.path()).withExcerpt(what + " private key (DER)")
                            .withFingerprint(Results.sha256(bytes)));
                }
            }
        }
        if (scanned == 0) {
            return List.of(Finding.notRun(id(), "no non-empty file to read"));
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.HIGH,
                hits.size() + " private key(s) shipped in the image (identical on every unit)", hits,
                "no private key found in " + scanned + " file(s) (PEM, DER PKCS#8, OpenSSH)", List.of());
    }

    /** Type and size of a DER PKCS#8 key, or null when the bytes are not one. */
    static String derKey(byte[] der) {
        try {
            PrivateKeyInfo pki = PrivateKeyInfo.getInstance(der);
            PrivateKey k = new JcaPEMKeyConverter().getPrivateKey(pki);
            return KeyDescriber.describe(k);
        } catch (Exception e) {
            try {
                PrivateKey k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                return KeyDescriber.describe(k);
            } catch (Exception e2) {
                return null;
            }
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
