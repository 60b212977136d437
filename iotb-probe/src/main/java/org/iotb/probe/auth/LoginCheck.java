package org.iotb.probe.auth;

import java.util.List;
import org.iotb.model.Finding;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;

/**
 * An intrusive check that works on the device's login services: it runs only with --intrusive and only when a
 * login service was found; otherwise it says why it did not run.
 */
abstract class LoginCheck implements DeviceCheck {
    private final String id;
    private final String name;

    LoginCheck(String id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> checkIds() {
        return List.of(id);
    }

    @Override
    public final List<Finding> run(ProbeContext ctx) {
        if (!ctx.options.intrusive()) {
            return List.of(Finding.notRun(id, "intrusive check: needs --intrusive"));
        }
        List<LoginTargets.Target> targets = LoginTargets.find(ctx);
        if (targets.isEmpty()) {
            return List.of(Finding.notRun(id, "no login service (SSH, Telnet, FTP, HTTP Basic/Digest, HTTP form, MQTT) found"));
        }
        return run(ctx, targets);
    }

    /**
     * Runs {@code judge} on one login service, isolated from the others: a service whose protocol library throws
     * (a hostile KEXINIT, say) gets an error finding for itself, and the other services are still judged.
     */
    final Finding isolated(LoginTargets.Target t, java.util.function.Supplier<Finding> judge) {
        try {
            return judge.get();
        } catch (RuntimeException | StackOverflowError e) {
            return Finding.of(id, org.iotb.model.Outcome.ERROR, t.probe().protocol() + " on port " + t.service().port()
                    + ": " + name + " failed: " + e, List.of());
        }
    }

    /** The check proper, on the login services found (never empty). */
    abstract List<Finding> run(ProbeContext ctx, List<LoginTargets.Target> targets);
}
