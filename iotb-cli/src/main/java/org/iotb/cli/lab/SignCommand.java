package org.iotb.cli.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iotb.cli.UserInputException;
import org.iotb.report.sign.BundleSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotb sign OUTDIR --key KEY.pem --cert CERT.pem}: the lab signs a report bundle. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        header = "Sign an assessment's output folder (the report bundle) with the lab's X.509 key.",
        description = {"Writes OUTDIR/manifest.sha256 (every file with its SHA-256, as sha256sum writes it) and",
            "OUTDIR/manifest.p7s, a detached CMS/PKCS#7 signature over the manifest that includes the certificate.",
            "Sign last: a file added or changed afterwards makes 'iotb verify' fail.",
            "Example: iotb sign out/ --key lab.key --cert lab.pem",
            "Exit code: 0 signed, 2 bad usage or input (unreadable key, key not matching the certificate)."})
public final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "OUTDIR", description = "The assessment's output folder.")
    Path dir;
    @Option(names = "--key", required = true, paramLabel = "KEY.pem", description = "The lab's private key (PEM, unencrypted; RSA, EC or Ed25519).")
    Path key;
    @Option(names = "--cert", required = true, paramLabel = "CERT.pem", description = "The lab's certificate (PEM), optionally followed by its chain.")
    Path cert;

    @Override
    public Integer call() {
        BundleSigner.Signed s;
        try {
            s = BundleSigner.sign(dir, key, cert);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.println("signed " + s.files() + " file(s) as " + s.signer());
        out.println("wrote " + s.manifest());
        out.println("wrote " + s.signature());
        return 0;
    }
}
