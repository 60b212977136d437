package org.iotb.probe.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Severity;
import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.checks.Ev;

/**
 * net.auth.default-credentials (intrusive): tries the default-credential list on every login service, at most
 * the attempt budget per service, stopping at the first success. The password is masked in the report.
 */
public final class DefaultCredentialsCheck extends LoginCheck {
    public static final String ID = "net.auth.default-credentials";

    public DefaultCredentialsCheck() {
        super(ID, "default credentials");
    }

    @Override
    List<Finding> run(ProbeContext ctx, List<LoginTargets.Target> targets) {
        List<Credential> creds = ctx.options.credentials() != null ? ctx.options.credentials()
                : DefaultCredentials.builtIn();
        List<Finding> out = new ArrayList<>();
        for (LoginTargets.Target t : targets) {
            out.add(isolated(t, () -> tryAll(ctx, t, creds)));
        }
        return out;
    }

    static Finding tryAll(ProbeContext ctx, LoginTargets.Target t, List<Credential> creds) {
        int budget = Math.min(ctx.options.attemptBudget() - t.probe().extraAttempts(), creds.size());
        int tried = 0;
        int refused = 0;
        int unknown = 0;
        String where = t.probe().protocol() + " on port " + t.service().port();
        String excluded = passwordsExcludedForAll(ctx, t, creds.subList(0, Math.max(0, budget)));
        if (excluded != null) {
            return Finding.pass(ID, where + " " + excluded + ": no default password can be tried",
                    List.of(Ev.of(ctx, t.service(), t.probe().protocol(), "authentication methods for each user name"
                            + " of the default list (no password sent)", excluded)))
                    .withData(Map.of("port", t.service().port(), "protocol", t.probe().protocol(),
                            "passwordLogin", false));
        }
        for (int i = 0; i < budget; i++) {
            if (ctx.deadline.expired()) {
                ctx.warn("default credentials on " + where + " stopped by the time budget after " + tried);
                break;
            }
            Credential c = creds.get(i);
            LoginResult r = t.probe().attempt(ctx, t.service(), c);
            tried++;
            switch (r.verdict()) {
                case SUCCESS -> {
                    Evidence ev = Ev.of(ctx, t.service(), t.probe().protocol(), "login as " + c.username()
                            + " / " + c.maskedPassword(), r.reply());
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("port", t.service().port());
                    data.put("protocol", t.probe().protocol());
                    data.put("username", c.username());
                    data.put("password", c.maskedPassword());
                    data.put("source", c.source());
                    data.put("attempts", tried);
                    return Finding.fail(ID, Severity.CRITICAL, where + " accepts the default credentials "
                            + c.username() + " / " + c.maskedPassword() + " (" + c.source() + ")", List.of(ev))
                            .withData(data);
                }
                case REFUSED -> refused++;
                case UNKNOWN -> unknown++;
                default -> { }
            }
        }
        int failures = tried - refused - unknown;
        if (failures == 0) {
            return Finding.notRun(ID, where + ": no attempt got a clear answer (" + refused + " refused, " + unknown
                    + " unclear)");
        }
        return Finding.pass(ID, where + " rejected " + failures + " of " + tried + " default credential pair(s)"
                + (refused + unknown > 0 ? " (" + refused + " refused, " + unknown + " unclear)" : ""),
                List.of(Ev.of(ctx, t.service(), t.probe().protocol(), tried + " login attempts from the default list"
                        + " (" + t.probe().describe(ctx, t.service()) + ")",
                        "all rejected")));
    }

    /** The reason when the service offers no password-based method to any user name we would try, else null. */
    static String passwordsExcludedForAll(ProbeContext ctx, LoginTargets.Target t, List<Credential> creds) {
        String reason = null;
        for (String user : creds.stream().map(Credential::username).distinct().toList()) {
            String r = t.probe().passwordsExcluded(ctx, t.service(), user);
            if (r == null) {
                return null;
            }
            reason = reason == null ? r : reason;
        }
        return reason;
    }
}
