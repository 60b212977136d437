package org.iotb.probe.auth;

import java.io.IOException;
import org.iotb.probe.Credential;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;
import org.iotb.probe.proto.Mqtt;

/** MQTT CONNECT with user name and password: CONNACK 0 = in, 4/5 = wrong, no CONNACK = refused. */
public final class MqttLogin implements LoginProbe {
    @Override
    public String protocol() {
        return "mqtt";
    }

    @Override
    public LoginResult attempt(ProbeContext ctx, Service s, Credential c) {
        long t0 = System.nanoTime();
        try (Conn conn = ctx.connect(s.port())) {
            conn.send(Mqtt.connect("iotb-probe", c.username(), c.password()));
            byte[] r = conn.readAvailable(16, 100, x -> x.length >= 4);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int code = Mqtt.connackCode(r);
            String malformed = Mqtt.malformedReply(r);
            if (malformed != null) {
                // the broker broke the protocol: the attempt neither failed nor succeeded
                return new LoginResult(LoginResult.Verdict.UNKNOWN, (System.nanoTime() - t0) / 1_000_000,
                        "malformed reply: " + malformed);
            }
            String desc = "CONNACK " + code + " (" + Mqtt.describe(code) + ")";
            if (code == 0) {
                return new LoginResult(LoginResult.Verdict.SUCCESS, ms, desc);
            }
            if (code == 4 || code == 5) {
                return new LoginResult(LoginResult.Verdict.FAILURE, ms, desc);
            }
            return new LoginResult(code < 0 ? LoginResult.Verdict.REFUSED : LoginResult.Verdict.UNKNOWN, ms, desc);
        } catch (IOException e) {
            return new LoginResult(LoginResult.Verdict.REFUSED, (System.nanoTime() - t0) / 1_000_000,
                    String.valueOf(e.getMessage()));
        }
    }
}
