package org.iotb.probe.auth;

import java.util.ArrayList;
import java.util.List;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.checks.Http;
import org.iotb.probe.checks.MqttAnonymousCheck;
import org.iotb.probe.discovery.Service;

/** Finds the login services of a device and how to try a password on each. */
public final class LoginTargets {
    private LoginTargets() {
    }

    public record Target(Service service, LoginProbe probe) {
    }

    public static List<Target> find(ProbeContext ctx) {
        List<Target> out = new ArrayList<>();
        for (Service s : ctx.services) {
            if (!s.transport().equals("tcp")) {
                continue;
            }
            switch (s.service()) {
                case "ssh" -> out.add(new Target(s, new SshLogin()));
                case "telnet" -> out.add(new Target(s, new TelnetLogin()));
                case "ftp" -> out.add(new Target(s, new FtpLogin()));
                case "mqtt" -> {
                    // a broker that lets anyone in makes passwords meaningless; net.mqtt.anonymous reports that
                    if (!MqttAnonymousCheck.acceptsAnonymous(ctx, s)) {
                        out.add(new Target(s, new MqttLogin()));
                    }
                }
                default -> {
                    if (Http.isWeb(s)) {
                        HttpLogin h = HttpLogin.detect(ctx, s);
                        if (h != null) {
                            out.add(new Target(s, h));
                        } else {
                            FormLogin f = FormLogin.detect(ctx, s);
                            if (f != null) {
                                out.add(new Target(s, f));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
