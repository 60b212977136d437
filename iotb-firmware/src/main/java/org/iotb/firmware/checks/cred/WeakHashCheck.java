package org.iotb.firmware.checks.cred;

import java.util.ArrayList;
import java.util.List;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/** fw.cred.weak-hash: password hashes using DES or MD5 crypt, which are cheap to brute-force. */
public final class WeakHashCheck implements FirmwareCheck {
    @Override
    public String id() {
        return "fw.cred.weak-hash";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Account> hashed = AccountFiles.read(ctx.tree()).stream().filter(Account::hasHash).toList();
        if (hashed.isEmpty()) {
            return List.of(Finding.notRun(id(), "no password hash in any passwd/shadow file"));
        }
        List<Evidence> hits = new ArrayList<>();
        List<Evidence> looked = new ArrayList<>();
        for (Account a : hashed) {
            CryptScheme s = CryptScheme.of(a.secret());
            Evidence e = Evidence.line(a.file(), a.line(), a.user() + ": " + s.label)
                    .withFingerprint(Results.sha256(a.secret()));
            looked.add(e);
            if (s.weak) {
                hits.add(e);
            }
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.HIGH,
                hits.size() + " password hash(es) use DES or MD5 crypt", hits,
                hashed.size() + " password hash(es) use a strong scheme", looked);
    }
}
