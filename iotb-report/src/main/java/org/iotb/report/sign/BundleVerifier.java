package org.iotb.report.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Checks a signed report bundle: the files against {@code manifest.sha256} (changed, added, removed) and the
 * detached CMS signature {@code manifest.p7s} over the manifest; with a CA, also that the signer's certificate
 * chains to it (PKIX, at the signing time the signature records; no revocation check).
 */
public final class BundleVerifier {
    private BundleVerifier() {
    }

    /**
     * What the check found. {@code ok()} when no file changed, was added or removed and the signature (and the
     * chain, when a CA was given) verifies; {@code problems} says in words what does not.
     */
    public record Result(List<String> changed, List<String> added, List<String> removed, String signer,
                         Date signingTime, List<String> problems, int files) {
        public boolean ok() {
            return changed.isEmpty() && added.isEmpty() && removed.isEmpty() && problems.isEmpty();
        }
    }

    /** @param caPem null: the signature is checked against the certificate it carries, without a trust anchor */
    public static Result verify(Path dir, Path caPem) throws IOException {
        List<X509Certificate> anchors = caPem == null ? List.of() : Pem.certificates(caPem);
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        List<String> problems = new ArrayList<>();
        Path manifestFile = dir.resolve(BundleManifest.MANIFEST);
        Path signatureFile = dir.resolve(BundleManifest.SIGNATURE);
        if (!Files.isRegularFile(manifestFile) || Files.isSymbolicLink(manifestFile)) {
            problems.add(BundleManifest.MANIFEST + " is missing: the folder was not signed (iotb sign)");
            return new Result(List.of(), List.of(), List.of(), null, null, problems, 0);
        }
        byte[] manifestBytes = Files.readAllBytes(manifestFile);
        BundleManifest signed;
        try {
            signed = BundleManifest.parse(manifestBytes);
        } catch (IOException e) {
            problems.add(e.getMessage());
            return new Result(List.of(), List.of(), List.of(), null, null, problems, 0);
        }
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        BundleManifest now;
        try {
            now = BundleManifest.of(dir);
        } catch (IOException e) {
            problems.add(e.getMessage());
            now = new BundleManifest(Map.of());
        }
        for (Map.Entry<String, String> e : signed.sha256ByPath().entrySet()) {
            String current = now.sha256ByPath().get(e.getKey());
            if (current == null) {
                removed.add(e.getKey());
            } else if (!current.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        now.sha256ByPath().keySet().stream().filter(p -> !signed.sha256ByPath().containsKey(p)).forEach(added::add);
        String signer = null;
        Date signingTime = null;
        if (!Files.isRegularFile(signatureFile) || Files.isSymbolicLink(signatureFile)) {
            problems.add(BundleManifest.SIGNATURE + " is missing: the manifest is not signed");
        } else {
            try {
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(manifestBytes), Files.readAllBytes(signatureFile));
                List<SignerInformation> signers = new ArrayList<>(cms.getSignerInfos().getSigners());
                if (signers.isEmpty()) {
                    problems.add(BundleManifest.SIGNATURE + " holds no signature");
                }
                List<X509Certificate> carried = certificates(cms);
                for (SignerInformation si : signers) {
                    X509Certificate cert = signerCertificate(cms, si);
                    if (cert == null) {
                        problems.add(BundleManifest.SIGNATURE + ": the signer's certificate is not included");
                        continue;
                    }
                    signer = cert.getSubjectX500Principal().getName();
                    signingTime = signingTime(si);
                    boolean valid;
                    try {
                        valid = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
                    } catch (CMSException | OperatorCreationException e) {
                        valid = false;
                    }
                    if (!valid) {
                        problems.add("the signature does not match " + BundleManifest.MANIFEST
                                + " (the manifest was changed after signing, or the signature is damaged)");
                        continue;
                    }
                    if (!anchors.isEmpty()) {
                        String chainProblem = chain(cert, carried, anchors, signingTime);
                        if (chainProblem != null) {
                            problems.add("the signer " + signer + " does not chain to the CA: " + chainProblem);
                        }
                    }
                }
            } catch (CMSException | RuntimeException e) {
                problems.add(BundleManifest.SIGNATURE + " is not a CMS signature: " + e.getMessage());
            }
        }
        return new Result(changed, added, removed, signer, signingTime, problems, signed.sha256ByPath().size());
    }

    private static List<X509Certificate> certificates(CMSSignedData cms) {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter c = new JcaX509CertificateConverter();
        for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
            try {
                out.add(c.getCertificate(h));
            } catch (java.security.cert.CertificateException e) {
                // an unreadable extra certificate cannot help the chain
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation si) {
        for (X509CertificateHolder h : cms.getCertificates().getMatches((Selector<X509CertificateHolder>) (Selector<?>) si.getSID())) {
            try {
                return new JcaX509CertificateConverter().getCertificate(h);
            } catch (java.security.cert.CertificateException e) {
                return null;
            }
        }
        return null;
    }

    private static Date signingTime(SignerInformation si) {
        if (si.getSignedAttributes() == null) {
            return null;
        }
        Attribute a = si.getSignedAttributes().get(CMSAttributes.signingTime);
        if (a == null || a.getAttrValues().size() == 0) {
            return null;
        }
        return Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate();
    }

    /** Null when {@code cert} chains to one of {@code anchors} (at {@code when}, else now); the reason otherwise. */
    private static String chain(X509Certificate cert, List<X509Certificate> intermediates, List<X509Certificate> anchors,
                                Date when) {
        if (anchors.contains(cert)) {
            return null; // the signer's own certificate is the trust anchor given
        }
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            anchors.forEach(x -> trust.add(new TrustAnchor(x, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(cert);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
            params.setRevocationEnabled(false);
            if (when != null) {
                params.setDate(when);
            }
            List<Object> pool = new ArrayList<>(intermediates);
            pool.add(cert);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return null;
        } catch (java.security.GeneralSecurityException e) {
            return e.getMessage();
        }
    }
}
