package org.iotb.probe.auth;

import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;

/** One way of trying a user name and password against one kind of service. */
public interface LoginProbe {
    /** Protocol label for evidence (ssh, telnet, ftp, http-basic, http-digest, mqtt). */
    String protocol();

    LoginResult attempt(ProbeContext ctx, Service s, Credential c);
}
