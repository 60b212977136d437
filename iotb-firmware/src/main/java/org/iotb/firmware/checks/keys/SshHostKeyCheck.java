package org.iotb.firmware.checks.keys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.key.ssh-host-key: SSH host private keys (OpenSSH ssh_host_*_key, Dropbear dropbear_*_host_key) baked into
 * the image, so every unit presents the same host identity. Keys generated at first boot are not in the image.
 */
public final class SshHostKeyCheck implements FirmwareCheck {
    private static final long MAX_KEY_FILE = 16 * 1024;

    @Override
    public String id() {
        return "fw.key.ssh-host-key";
    }

    static boolean hostKeyName(String name) {
        return name.matches("ssh_host_([a-z0-9]+_)?key") || name.matches("dropbear_[a-z0-9]+_host_key")
                || name.matches("dropbear_host_key");
    }

    @Override
    public List<Finding> run(ScanContext ctx) throws Exception {
        if (ctx.tree().files().isEmpty()) {
            return List.of(Finding.notRun(id(), "the tree has no files"));
        }
        List<Evidence> hits = new ArrayList<>();
        for (TreeFile f : ctx.tree().files(f -> hostKeyName(f.name()))) {
            if (f.size() < 32) {
                continue; // empty placeholder
            }
            byte[] b = ctx.tree().read(f);
            String text = new String(b, StandardCharsets.ISO_8859_1);
            String what = "SSH host key";
            List<PemBlocks.Block> pem = PemBlocks.find(text, 1);
            if (!pem.isEmpty()) {
                what = KeyDescriber.describePem(pem.get(0).text(), pem.get(0).label()) + " SSH host key";
            } else if (text.contains("ssh-rsa") || text.contains("ssh-ed25519") || text.contains("ecdsa-sha2")
                    || text.contains("ssh-dss")) {
                what = "Dropbear " + (text.contains("ssh-rsa") ? "RSA" : text.contains("ssh-ed25519") ? "Ed25519"
                        : text.contains("ssh-dss") ? "DSA" : "ECDSA") + " host key";
            }
            hits.add(Evidence.file(f.path()).withExcerpt(what + " shipped in the image (shared by every unit)")
                    .withFingerprint(Results.sha256(b)));
        }
        // Dropbear keys under other names, found by content; small files only (a key is under 4 KiB)
        for (TreeFile f : ctx.tree().files(f -> !hostKeyName(f.name()) && f.size() >= 32 && f.size() <= MAX_KEY_FILE)) {
            byte[] b = ctx.tree().read(f);
            String type = DropbearKey.privateKeyType(b);
            if (type != null) {
                hits.add(Evidence.file(f.path()).withExcerpt("Dropbear " + type + " private key (by content)"
                        + " shipped in the image (shared by every unit)").withFingerprint(Results.sha256(b)));
            }
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.HIGH,
                hits.size() + " SSH host key(s) shipped in the image", hits,
                "no SSH host private key (ssh_host_*_key, dropbear_*_host_key, or Dropbear key content) in " + ctx.tree().files().size()
                        + " file(s)", List.of());
    }
}
