package org.iotb.probe.checks;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Conn;
import org.iotb.probe.net.Text;
import org.iotb.probe.proto.HttpResponse;
import org.iotb.probe.proto.Mqtt;

/**
 * net.robustness.malformed-input (intrusive): sends a few malformed requests (MalformedInputs) to each HTTP, MQTT
 * and CoAP service and checks after each one that the service still answers a normal request. Fails only when a
 * service that answered before stops answering (several tries over about two seconds), which a crash or hang
 * explains; the reply to the malformed request itself is recorded but not judged.
 */
public final class RobustnessCheck implements DeviceCheck {
    public static final String ID = "net.robustness.malformed-input";
    private static final int HEALTH_TRIES = 4;
    private static final int HEALTH_PAUSE_MILLIS = 500;

    @Override
    public String name() {
        return "malformed-input robustness";
    }

    @Override
    public List<String> checkIds() {
        return List.of(ID);
    }

    private interface Health {
        String answer(ProbeContext ctx, Service s) throws Exception;
    }

    private interface Sender {
        String send(ProbeContext ctx, Service s, byte[] bytes) throws Exception;
    }

    @Override
    public List<Finding> run(ProbeContext ctx) {
        if (!ctx.options.intrusive()) {
            return List.of(Finding.notRun(ID, "intrusive check: needs --intrusive"));
        }
        List<Finding> out = new ArrayList<>();
        for (Service s : ctx.services) {
            if (s.transport().equals("tcp") && Http.isWeb(s)) {
                out.add(probe(ctx, s, "http", MalformedInputs.http(), RobustnessCheck::sendHttp,
                        RobustnessCheck::httpHealth));
            } else if (s.transport().equals("tcp") && s.is("mqtt") && !s.tls()) {
                out.add(probe(ctx, s, "mqtt", MalformedInputs.mqtt(), RobustnessCheck::sendTcp,
                        RobustnessCheck::mqttHealth));
            } else if (s.transport().equals("udp") && s.is("coap")) {
                out.add(probe(ctx, s, "coap", MalformedInputs.coap(), RobustnessCheck::sendUdp,
                        RobustnessCheck::coapHealth));
            }
        }
        if (out.isEmpty()) {
            return List.of(Finding.notRun(ID, "no HTTP, plain MQTT or CoAP service found"
                    + (ctx.options.udp() ? "" : " (CoAP needs --udp)")));
        }
        return out;
    }

    private static Finding probe(ProbeContext ctx, Service s, String proto, List<MalformedInputs.Input> inputs,
            Sender sender, Health health) {
        String where = proto + " on port " + s.port();
        String before = healthy(ctx, s, health, 1);
        if (before == null) {
            return Finding.notRun(ID, where + " did not answer a normal request before the test");
        }
        List<Evidence> ev = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (MalformedInputs.Input in : inputs) {
            if (ctx.deadline.expired()) {
                return Finding.notRun(ID, where + ": time budget ran out after " + sent.size() + " malformed input(s)");
            }
            String reply;
            try {
                reply = sender.send(ctx, s, in.bytes());
            } catch (Exception e) {
                reply = "(" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            }
            sent.add(in.name());
            ev.add(Ev.of(ctx, s, proto, in.name() + " (" + in.bytes().length + " bytes)", Text.printable(reply)));
            String after = healthy(ctx, s, health, HEALTH_TRIES);
            if (after == null) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("port", s.port());
                data.put("protocol", proto);
                data.put("sent", sent);
                data.put("lastInput", in.name());
                return Finding.fail(ID, Severity.MEDIUM, where + " stopped answering normal requests after: "
                        + in.name() + " (it answered before the test: " + Text.printable(before) + ")", ev)
                        .withData(data);
            }
        }
        return Finding.pass(ID, where + " kept answering normal requests after " + sent.size()
                + " malformed input(s): " + String.join("; ", sent), ev)
                .withData(Map.of("port", s.port(), "protocol", proto, "sent", sent));
    }

    /** The service's answer to a normal request (null when none within {@code tries} attempts). */
    private static String healthy(ProbeContext ctx, Service s, Health health, int tries) {
        for (int i = 0; i < tries && !ctx.deadline.expired(); i++) {
            try {
                String a = health.answer(ctx, s);
                if (a != null) {
                    return a;
                }
            } catch (Exception e) {
                // refused, reset or timed out: try again after a pause (a service may restart itself)
            }
            if (i + 1 < tries) {
                try {
                    Thread.sleep(ctx.deadline.clip(HEALTH_PAUSE_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }

    private static String sendHttp(ProbeContext ctx, Service s, byte[] bytes) throws Exception {
        if (!s.tls()) {
            return sendTcp(ctx, s, bytes);
        }
        HttpResponse r = Http.exchange(ctx, s, bytes);
        return r.statusLine();
    }

    private static String sendTcp(ProbeContext ctx, Service s, byte[] bytes) throws Exception {
        try (Conn c = ctx.connect(s.port())) {
            try {
                c.send(bytes);
            } catch (java.io.IOException e) {
                return "(closed while sending: " + e.getMessage() + ")";
            }
            byte[] reply = c.readAvailable(512, 200, null);
            return reply.length == 0 ? "(no reply)" : Text.latin1(reply, Math.min(reply.length, 200));
        }
    }

    private static String sendUdp(ProbeContext ctx, Service s, byte[] bytes) throws Exception {
        try (DatagramSocket sock = new DatagramSocket()) {
            sock.connect(ctx.address(), s.port());
            sock.send(new DatagramPacket(bytes, bytes.length));
            sock.setSoTimeout(ctx.deadline.clip(Math.min(1000, ctx.options.readMillis())));
            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                sock.receive(p);
                return Text.printable(buf, p.getLength(), 100);
            } catch (java.net.SocketTimeoutException e) {
                return "(no reply)";
            }
        }
    }

    private static String httpHealth(ProbeContext ctx, Service s) throws Exception {
        HttpResponse r = Http.get(ctx, s, "/", null);
        return r.status() > 0 ? r.statusLine() : null;
    }

    private static String mqttHealth(ProbeContext ctx, Service s) throws Exception {
        int code = Mqtt.connackCode(MqttAnonymousCheck.plain(ctx, s));
        return code >= 0 ? "CONNACK " + code : null;
    }

    private static String coapHealth(ProbeContext ctx, Service s) throws Exception {
        var r = CoapCheck.get(ctx, s.port());
        return r == null ? null : "CoAP " + r.code();
    }
}
