package org.iotb.probe.checks;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotb.model.Finding;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;
import org.iotb.probe.net.Text;
import org.iotb.probe.proto.Coap;

/** net.coap.unauthenticated: does plain CoAP hand out /.well-known/core (and so its resources) to anyone? */
public final class CoapCheck implements DeviceCheck {
    public static final String ID = "net.coap.unauthenticated";

    @Override
    public String name() {
        return "coap";
    }

    @Override
    public List<String> checkIds() {
        return List.of(ID);
    }

    @Override
    public List<Finding> run(ProbeContext ctx) throws Exception {
        if (!ctx.options.udp()) {
            return List.of(Finding.notRun(ID, "UDP probes were not enabled (--udp)"));
        }
        List<Service> coap = ctx.services("coap");
        if (coap.isEmpty()) {
            return List.of(Finding.notRun(ID, "no CoAP service answered on UDP"));
        }
        List<Finding> out = new ArrayList<>();
        for (Service s : coap) {
            Coap.Response r = get(ctx, s.port());
            String req = "CoAP GET coap://" + ctx.host() + ":" + s.port() + "/.well-known/core";
            if (r == null) {
                out.add(Finding.notRun(ID, "CoAP on port " + s.port() + " did not answer the GET"));
            } else if (r.success()) {
                List<String> resources = new ArrayList<>();
                for (String link : r.payload().split(",")) {
                    int a = link.indexOf('<');
                    int b = link.indexOf('>');
                    if (a >= 0 && b > a && resources.size() < 50) {
                        resources.add(link.substring(a + 1, b));
                    }
                }
                out.add(Finding.fail(ID, Severity.MEDIUM, "CoAP on UDP port " + s.port() + " answers "
                        + r.code() + " without authentication and lists " + resources.size() + " resource(s): "
                        + resources, List.of(Ev.of(ctx, s, "coap", req, r.code() + " " + Text.printable(r.payload()))))
                        .withData(Map.of("port", s.port(), "resources", resources)));
            } else {
                out.add(Finding.pass(ID, "CoAP on UDP port " + s.port() + " refused resource discovery: " + r.code(),
                        List.of(Ev.of(ctx, s, "coap", req, r.code()))));
            }
        }
        return out;
    }

    static Coap.Response get(ProbeContext ctx, int port) throws Exception {
        byte[] req = Coap.get(0x2c0d, ".well-known", "core");
        try (DatagramSocket sock = new DatagramSocket()) {
            sock.connect(ctx.address(), port);
            byte[] buf = new byte[16384];
            for (int i = 0; i < 2 && !ctx.deadline.expired(); i++) {
                sock.send(new DatagramPacket(req, req.length));
                sock.setSoTimeout(ctx.deadline.clip(ctx.options.readMillis()));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    sock.receive(p);
                    return Coap.parse(buf, p.getLength());
                } catch (SocketTimeoutException e) {
                    // retry once: UDP
                }
            }
        }
        return null;
    }
}
