package org.iotb.probe.checks;

import java.util.ArrayList;
import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;
import org.iotb.probe.net.Text;
import org.iotb.probe.proto.Mqtt;
import org.iotb.probe.tls.TlsTunnel;

/** net.mqtt.anonymous: does the broker accept a CONNECT without user name and password? */
public final class MqttAnonymousCheck implements DeviceCheck {
    public static final String ID = "net.mqtt.anonymous";

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public List<String> checkIds() {
        return List.of(ID);
    }

    @Override
    public List<Finding> run(ProbeContext ctx) {
        List<Service> brokers = new ArrayList<>(ctx.services("mqtt"));
        brokers.addAll(ctx.services("mqtts"));
        if (brokers.isEmpty()) {
            return List.of(Finding.notRun(ID, "no MQTT broker found"));
        }
        List<Finding> out = new ArrayList<>();
        for (Service s : brokers) {
            if (s.malformed() != null) {
                out.add(Finding.notRun(ID, "MQTT on port " + s.port() + " answered CONNECT with " + s.malformed()
                        + "; the broker breaks the protocol, so whether it lets anonymous clients in is unknown"));
                continue;
            }
            try {
                byte[] reply = s.tls() ? overTls(ctx, s) : plain(ctx, s);
                int code = Mqtt.connackCode(reply);
                String proto = s.tls() ? "mqtts" : "mqtt";
                var ev = List.of(Ev.of(ctx, s, proto, "CONNECT client-id=iotb-probe, no user name, no password",
                        "CONNACK " + code + " (" + Mqtt.describe(code) + ") " + Text.printable(reply)));
                if (code == 0) {
                    out.add(Finding.fail(ID, Severity.HIGH, "MQTT broker on port " + s.port()
                            + " accepts clients without credentials", ev));
                } else if (code > 0) {
                    out.add(Finding.pass(ID, "MQTT broker on port " + s.port() + " refused an anonymous client: "
                            + Mqtt.describe(code), ev));
                } else if (Mqtt.malformedReply(reply) != null) {
                    out.add(Finding.notRun(ID, "MQTT on port " + s.port() + " answered CONNECT with "
                            + Mqtt.malformedReply(reply) + "; whether it lets anonymous clients in is unknown"));
                } else {
                    out.add(Finding.notRun(ID, "no CONNACK from port " + s.port()));
                }
            } catch (Exception e) {
                out.add(Finding.notRun(ID, "MQTT on port " + s.port() + ": " + e.getMessage()));
            }
        }
        return out;
    }

    /** True when a plain broker answers CONNACK 0 to a CONNECT without credentials. */
    public static boolean acceptsAnonymous(ProbeContext ctx, Service s) {
        try {
            return Mqtt.connackCode(plain(ctx, s)) == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static byte[] plain(ProbeContext ctx, Service s) throws Exception {
        try (Conn c = ctx.connect(s.port())) {
            c.send(Mqtt.connect("iotb-probe", null, null));
            return c.readAvailable(64, 100, r -> r.length >= 4);
        }
    }

    static byte[] overTls(ProbeContext ctx, Service s) throws Exception {
        try (var sock = TlsTunnel.open(ctx.address(), s.port(), ctx.options.readMillis(), ctx.deadline)) {
            sock.getOutputStream().write(Mqtt.connect("iotb-probe", null, null));
            sock.getOutputStream().flush();
            return sock.getInputStream().readNBytes(4);
        }
    }
}
