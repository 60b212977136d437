package org.iotb.report.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.iotb.model.io.SafeOutput;

/**
 * Signs a report bundle: writes {@code manifest.sha256} (every file of the folder with its SHA-256,
 * {@link BundleManifest}) and {@code manifest.p7s}, a detached CMS (PKCS#7) SignedData over the manifest's bytes,
 * DER-encoded, with the signer's certificate (and any chain the certificate file holds) included, SHA-256 digests and
 * a signing-time attribute. {@code openssl cms -verify -binary -inform DER -in manifest.p7s -content manifest.sha256}
 * verifies it; {@link BundleVerifier} does the same and compares the files.
 */
public final class BundleSigner {
    private BundleSigner() {
    }

    /** What was signed: the manifest, the signature and the number of files the manifest lists. */
    public record Signed(Path manifest, Path signature, int files, String signer) {
    }

    public static Signed sign(Path dir, Path keyPem, Path certPem) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        PrivateKey key = Pem.privateKey(keyPem);
        List<X509Certificate> chain = Pem.certificates(certPem);
        X509Certificate signer = chain.get(0);
        BundleManifest manifest = BundleManifest.of(dir);
        byte[] bytes = manifest.bytes();
        byte[] signature = cms(bytes, key, signer, chain);
        Path m = SafeOutput.write(dir.resolve(BundleManifest.MANIFEST), bytes);
        Path s = SafeOutput.write(dir.resolve(BundleManifest.SIGNATURE), signature);
        return new Signed(m, s, manifest.sha256ByPath().size(), signer.getSubjectX500Principal().getName());
    }

    private static byte[] cms(byte[] content, PrivateKey key, X509Certificate signer, List<X509Certificate> chain)
            throws IOException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IOException("unsupported key type " + key.getAlgorithm() + " (use RSA, EC or Ed25519)");
        };
        if (!matches(key, signer)) {
            throw new IOException("the private key does not belong to the certificate " + signer.getSubjectX500Principal().getName());
        }
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(key);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(contentSigner, signer));
            gen.addCertificates(new JcaCertStore(chain));
            CMSSignedData data = gen.generate(new CMSProcessableByteArray(content), false); // detached
            return data.getEncoded("DER");
        } catch (OperatorCreationException | CMSException | java.security.cert.CertificateEncodingException e) {
            throw new IOException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** Signs a probe with the key and checks it with the certificate's public key. */
    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        try {
            java.security.Signature s = java.security.Signature.getInstance(alg);
            s.initSign(key);
            byte[] probe = "iotb key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            s.update(probe);
            byte[] sig = s.sign();
            java.security.Signature v = java.security.Signature.getInstance(alg);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            return v.verify(sig);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
