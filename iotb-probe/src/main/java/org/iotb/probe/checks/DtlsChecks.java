package org.iotb.probe.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.model.Finding;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.dtls.DtlsScanner;
import org.iotb.probe.tls.CipherSuite;

/** net.dtls.legacy-protocol and net.dtls.weak-cipher for CoAP over DTLS (coaps, UDP 5684 by default). */
public final class DtlsChecks implements DeviceCheck {
    public static final String LEGACY = "net.dtls.legacy-protocol";
    public static final String WEAK = "net.dtls.weak-cipher";

    @Override
    public String name() {
        return "dtls";
    }

    @Override
    public List<String> checkIds() {
        return List.of(LEGACY, WEAK);
    }

    @Override
    public List<Finding> run(ProbeContext ctx) {
        if (!ctx.options.udp()) {
            return checkIds().stream().map(id -> Finding.notRun(id, "UDP probes were not enabled (--udp)")).toList();
        }
        int port = ctx.options.udpPorts().getOrDefault("coaps", 5684);
        Map<String, List<CipherSuite>> r = DtlsScanner.audit(ctx.address(), port, Math.min(ctx.options.readMillis(),
                1500), ctx.deadline);
        if (r.isEmpty()) {
            return checkIds().stream().map(id -> Finding.notRun(id, "no DTLS handshake completed on UDP port " + port
                    + " (DTLS 1.0 and 1.2 ClientHellos with every known suite)")).toList();
        }
        Map<String, Object> all = new LinkedHashMap<>();
        r.forEach((k, v) -> all.put(k, v.stream().map(CipherSuite::iana).toList()));
        Map<String, Object> data = Map.of("port", port, "protocols", List.copyOf(r.keySet()), "ciphers", all);
        var ev = List.of(Ev.of(ctx, port, "dtls", "DTLS ClientHello per version offering each suite",
                "accepted: " + all));
        List<Finding> out = new ArrayList<>();
        if (r.containsKey("DTLSv1.0")) {
            out.add(Finding.fail(LEGACY, Severity.MEDIUM, "DTLS on UDP port " + port + " accepts DTLS 1.0", ev)
                    .withData(data));
        } else {
            out.add(Finding.pass(LEGACY, "DTLS on UDP port " + port + " accepts only " + r.keySet(), ev)
                    .withData(data));
        }
        Set<String> labels = new LinkedHashSet<>();
        List<String> weak = new ArrayList<>();
        r.values().forEach(list -> list.forEach(c -> {
            if (!c.weaknesses().isEmpty()) {
                labels.addAll(c.weaknesses());
                if (!weak.contains(c.iana())) {
                    weak.add(c.iana());
                }
            }
        }));
        if (!weak.isEmpty()) {
            out.add(Finding.fail(WEAK, Severity.HIGH, "DTLS on UDP port " + port + " accepts weak suites ("
                    + String.join(", ", labels) + "): " + String.join(", ", weak), ev).withData(data));
        } else {
            out.add(Finding.pass(WEAK, "DTLS on UDP port " + port + ": no NULL, anonymous, export, RC4, DES, 3DES,"
                    + " IDEA or MD5 suite among " + all, ev).withData(data));
        }
        return out;
    }
}
