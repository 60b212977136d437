package org.iotb.cli.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotb.cli.UserInputException;
import org.iotb.report.ExitCodes;
import org.iotb.report.sign.BundleVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotb verify OUTDIR [--ca CA.pem]}: is this the bundle the lab signed? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Check a signed report bundle: every file against the manifest, and the lab's signature.",
        description = {"Compares every file of OUTDIR with OUTDIR/manifest.sha256 and checks the detached CMS",
            "signature OUTDIR/manifest.p7s over it; with --ca, also that the signer's certificate chains to that CA.",
            "Example: iotb verify out/ --ca lab-ca.pem",
            "Exit code: 0 every file matches and the signature verifies, 1 a file was changed, added or removed or the",
            "signature does not verify (each is listed), 2 bad usage or input."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "OUTDIR", description = "The signed output folder.")
    Path dir;
    @Option(names = "--ca", paramLabel = "CA.pem", description = "Trust anchor(s) (PEM) the signer's certificate must chain to.")
    Path ca;

    @Override
    public Integer call() {
        BundleVerifier.Result r;
        try {
            r = BundleVerifier.verify(dir, ca);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        list(out, "changed", r.changed());
        list(out, "added", r.added());
        list(out, "removed", r.removed());
        r.problems().forEach(p -> out.println("problem: " + p));
        if (r.ok()) {
            out.println("verified: " + r.files() + " file(s) match " + dir.resolve("manifest.sha256") + ", signed by "
                    + r.signer() + (r.signingTime() == null ? "" : " at " + r.signingTime().toInstant())
                    + (ca == null ? " (signature checked against the certificate it carries; give --ca to check who issued it)"
                    : "; the certificate chains to " + ca));
            return ExitCodes.OK;
        }
        out.println("NOT verified: " + dir + " is not the bundle that was signed");
        return ExitCodes.FAILED;
    }

    private static void list(PrintWriter out, String what, List<String> files) {
        files.forEach(f -> out.println(what + ": " + f));
    }
}
