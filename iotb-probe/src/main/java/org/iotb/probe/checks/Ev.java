package org.iotb.probe.checks;

import org.iotb.model.Evidence;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;

/** Shorthand for network evidence about one service. */
public final class Ev {
    private Ev() {
    }

    public static Evidence of(ProbeContext ctx, Service s, String protocol, String request, String reply) {
        return Evidence.network(ctx.host(), s.port(), protocol, request, reply);
    }

    public static Evidence of(ProbeContext ctx, int port, String protocol, String request, String reply) {
        return Evidence.network(ctx.host(), port, protocol, request, reply);
    }
}
