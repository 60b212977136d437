package org.iotb.probe.auth;

import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.ssh.AuthMethodsProbe;

/** SSH password login through jsch (legacy algorithms allowed, as old devices need them). */
public final class SshLogin implements LoginProbe {
    @Override
    public String protocol() {
        return "ssh";
    }

    @Override
    public LoginResult attempt(ProbeContext ctx, Service s, Credential c) {
        long t0 = System.nanoTime();
        AuthMethodsProbe.Attempt a = AuthMethodsProbe.tryPassword(ctx.host(), s.port(), c.username(), c.password(),
                Math.max(1000, ctx.deadline.clip(Math.max(ctx.options.readMillis(), 8000))));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (a.loggedIn()) {
            return new LoginResult(LoginResult.Verdict.SUCCESS, ms, "authenticated");
        }
        if (!a.talked()) {
            // the device never let the protocol complete: that is not a refusal of the password
            return new LoginResult(LoginResult.Verdict.UNKNOWN, ms, a.message());
        }
        String m = a.message().toLowerCase(java.util.Locale.ROOT);
        if (m.contains("auth fail") || m.contains("auth cancel")) {
            return new LoginResult(LoginResult.Verdict.FAILURE, ms, a.message());
        }
        return new LoginResult(LoginResult.Verdict.REFUSED, ms, a.message());
    }

    /** Asks the server for its methods ("none" request): key-only servers name no password-based method. */
    @Override
    public String passwordsExcluded(ProbeContext ctx, Service s, String username) {
        AuthMethodsProbe.Attempt a = AuthMethodsProbe.methods(ctx.host(), s.port(), username,
                Math.max(1000, ctx.deadline.clip(Math.max(ctx.options.readMillis(), 8000))));
        if (a.loggedIn() || a.methods().isEmpty() || AuthMethodsProbe.allowsPasswords(a.methods())) {
            return null;
        }
        return "offers only " + String.join(",", a.methods()) + " to " + username;
    }
}
