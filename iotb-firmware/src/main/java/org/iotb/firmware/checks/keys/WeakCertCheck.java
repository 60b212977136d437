package org.iotb.firmware.checks.keys;

import java.io.ByteArrayInputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
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
 * fw.cert.weak: device certificates that are expired, self-signed end-entity (server) certificates, RSA keys
 * below 2048 bits, or MD5/SHA-1 signatures. Trust stores (CA bundles) are counted but not judged: an old root
 * in a bundle is not the device's own identity.
 */
public final class WeakCertCheck implements FirmwareCheck {
    @Override
    public String id() {
        return "fw.cert.weak";
    }

    static boolean trustStore(TreeFile f, int certs) {
        String p = f.path().toLowerCase(Locale.ROOT);
        return certs > 3 || p.contains("ca-certificates") || p.contains("ca-bundle") || p.startsWith("etc/ssl/certs/")
                || p.contains("/certs/ca") || p.contains("cacert");
    }

    @Override
    public List<Finding> run(ScanContext ctx) throws Exception {
        List<Evidence> hits = new ArrayList<>();
        List<Evidence> looked = new ArrayList<>();
        int trustStoreCerts = 0;
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Date now = new Date();
        ImageKeyIdentities imageKeys = ImageKeyIdentities.of(ctx.tree());
        for (TreeFile f : ctx.tree().ofKind(FileKind.CERTIFICATE)) {
            Collection<? extends Certificate> certs;
            try {
                certs = cf.generateCertificates(new ByteArrayInputStream(ctx.tree().read(f)));
            } catch (Exception e) {
                ctx.tree().warn(f.path() + ": certificate not parseable (" + e.getMessage() + ")");
                continue;
            }
            boolean inTrustStore = trustStore(f, certs.size());
            for (Certificate c : certs) {
                if (!(c instanceof X509Certificate x)) {
                    continue;
                }
                // A trust store holds other parties' CAs; a certificate whose private key ships in the image
                // is the device's own identity wherever it sits.
                if (inTrustStore && !imageKeys.matches(x.getPublicKey())) {
                    trustStoreCerts++;
                    continue;
                }
                List<String> problems = problems(x, now);
                String subject = x.getSubjectX500Principal().getName();
                Evidence ev = Evidence.file(f.path()).withFingerprint(Results.sha256(x.getEncoded()));
                if (problems.isEmpty()) {
                    looked.add(ev.withExcerpt(subject + ": ok"));
                } else {
                    hits.add(ev.withExcerpt(subject + ": " + String.join(", ", problems)));
                }
            }
        }
        if (hits.isEmpty() && looked.isEmpty()) {
            return List.of(Finding.notRun(id(), "no device certificate in the image" + (trustStoreCerts > 0
                    ? " (" + trustStoreCerts + " trust-store certificate(s) not judged)" : "")));
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.MEDIUM,
                hits.size() + " weak certificate(s)", hits,
                looked.size() + " certificate(s) valid, CA-issued or CA roots, RSA ≥ 2048, SHA-2 signed"
                        + (trustStoreCerts > 0 ? "; " + trustStoreCerts + " trust-store certificate(s) not judged" : ""),
                looked);
    }

    static List<String> problems(X509Certificate x, Date now) {
        List<String> out = new ArrayList<>();
        boolean selfSigned = x.getSubjectX500Principal().equals(x.getIssuerX500Principal()) && verifiesItself(x);
        boolean ca = x.getBasicConstraints() >= 0;
        if (x.getNotAfter().before(now)) {
            out.add("expired " + x.getNotAfter().toInstant().toString().substring(0, 10));
        }
        if (selfSigned && !ca) {
            out.add("self-signed end-entity certificate");
        }
        if (x.getPublicKey() instanceof RSAPublicKey r && r.getModulus().bitLength() < 2048) {
            out.add("RSA " + r.getModulus().bitLength() + "-bit key");
        }
        String alg = x.getSigAlgName().toUpperCase(Locale.ROOT);
        if (!(selfSigned && ca) && (alg.contains("MD5") || alg.contains("MD2") || alg.startsWith("SHA1"))) {
            out.add(x.getSigAlgName() + " signature");
        }
        return out;
    }

    private static boolean verifiesItself(X509Certificate x) {
        try {
            x.verify(x.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
