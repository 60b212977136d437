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

    /** What is being logged into, for evidence (URL, form fields); the protocol label by default. */
    default String describe(ProbeContext ctx, Service s) {
        return protocol() + " on port " + s.port();
    }
}
