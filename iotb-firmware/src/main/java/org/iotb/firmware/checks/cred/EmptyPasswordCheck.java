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

/**
 * fw.cred.empty-password: accounts whose password field is empty (login without any password), and logins of vendor
 * default configurations (*.cfg, nvram defaults, UCI; {@link ConfigCredentials}) whose password is empty.
 */
public final class EmptyPasswordCheck implements FirmwareCheck {
    @Override
    public String id() {
        return "fw.cred.empty-password";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Account> accounts = AccountFiles.read(ctx.tree());
        List<ConfigCredentials.ConfigLogin> configEmpty = ConfigCredentials.read(ctx.tree()).stream()
                .filter(l -> l.password().isEmpty()).toList();
        if (accounts.isEmpty() && configEmpty.isEmpty()) {
            return List.of(Finding.notRun(id(), "no passwd/shadow file in the image"));
        }
        List<Evidence> hits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Account a : accounts) {
            if (a.empty()) {
                String shell = a.shell() == null ? "unknown shell" : "shell " + (a.shell().isEmpty() ? "/bin/sh"
                        : a.shell());
                hits.add(Evidence.line(a.file(), a.line(), a.user() + ": empty password field, " + shell)
                        .withFingerprint(Results.sha256(a.user() + ":")));
            }
            names.add(a.user() + "@" + a.file());
        }
        for (ConfigCredentials.ConfigLogin l : configEmpty) {
            // a vendor default configuration that leaves a login's password empty (Tenda: sys.userpass=)
            hits.add(Evidence.line(l.file(), l.line(), "vendor default configuration: " + l.userKey() + "="
                    + l.user() + " with an empty " + l.passwordKey())
                    .withFingerprint(Results.sha256(l.user() + ":")));
        }
        List<Evidence> looked = AccountFiles.files(ctx.tree()).stream().map(f -> Evidence.file(f.path())).toList();
        return Results.failOrPass(id(), Outcome.FAIL, Severity.CRITICAL,
                hits.size() + " account(s) without a password", hits,
                accounts.size() + " account entries all have a password or are locked: "
                        + Results.list(names, 12), looked);
    }
}
