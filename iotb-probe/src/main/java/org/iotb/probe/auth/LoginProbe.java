package org.iotb.probe.auth;

import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;

/** One way of trying a user name and password against one kind of service. */
public interface LoginProbe {
    /** Protocol label for evidence (ssh, telnet, ftp, http-basic, http-digest, mqtt). */
    String protocol();

    LoginResult attempt(ProbeContext ctx, Service s, Credential c);

    /** Logins this probe spends once, besides the credentials tried (e.g. a reference attempt). */
    default int extraAttempts() {
        return 0;
    }

    /**
     * Why no password can be guessed on this service for this user (e.g. "offers only publickey"), learned without
     * trying one; null when passwords are offered or the probe cannot tell. Guessing checks pass on such a
     * service instead of timing refusals that come from the method list, not from a password check.
     */
    default String passwordsExcluded(ProbeContext ctx, Service s, String username) {
        return null;
    }

    /** What is being logged into, for evidence (URL, form fields); the protocol label by default. */
    default String describe(ProbeContext ctx, Service s) {
        return protocol() + " on port " + s.port();
    }
}
