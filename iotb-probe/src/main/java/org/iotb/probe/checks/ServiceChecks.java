package org.iotb.probe.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.probe.DeviceCheck;
import org.iotb.probe.ProbeContext;
import org.iotb.probe.discovery.Service;

/** net.svc.inventory (what listens), net.svc.telnet (clear-text remote shell), net.svc.adb (debug bridge). */
public final class ServiceChecks implements DeviceCheck {
    @Override
    public String name() {
        return "services";
    }

    @Override
    public List<String> checkIds() {
        return List.of("net.svc.inventory", "net.svc.telnet", "net.svc.adb");
    }

    @Override
    public List<Finding> run(ProbeContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<Map<String, Object>> list = ctx.services.stream().map(Service::toData).toList();
        String summary = ctx.services.isEmpty() ? "no open service found"
                : ctx.services.stream().map(s -> s.port() + "/" + s.transport() + " " + s.service())
                        .collect(Collectors.joining(", "));
        List<Evidence> ev = ctx.services.stream()
                .map(s -> Ev.of(ctx, s, s.transport() + "/" + s.service(), s.request(), s.banner())).toList();
        out.add(new Finding("net.svc.inventory", Outcome.INFO, null,
                ctx.services.size() + " service(s) on " + ctx.host() + " (" + scanned(ctx) + "): " + summary, ev,
                Map.of("services", list)));
        out.add(exposed(ctx, "net.svc.telnet", "telnet", Severity.HIGH,
                "Telnet (clear-text remote login) is reachable"));
        List<Service> adb = ctx.services("adb");
        if (adb.isEmpty() && !ctx.portScan.complete()) {
            out.add(Finding.notRun("net.svc.adb", incomplete(ctx)));
        } else if (adb.isEmpty()) {
            out.add(Finding.pass("net.svc.adb", "no ADB service among " + scanned(ctx), List.of()));
        } else {
            for (Service s : adb) {
                boolean open = s.banner() != null && s.banner().startsWith("CNXN");
                out.add(Finding.fail("net.svc.adb", open ? Severity.CRITICAL : Severity.HIGH,
                        open ? "ADB on port " + s.port() + " accepts a host connection without authentication"
                             : "ADB on port " + s.port() + " is exposed (asks for key authentication)",
                        List.of(Ev.of(ctx, s, "adb", s.request(), s.banner()))));
            }
        }
        return out;
    }

    private Finding exposed(ProbeContext ctx, String id, String service, Severity sev, String what) {
        List<Service> found = ctx.services(service);
        if (found.isEmpty() && !ctx.portScan.complete()) {
            return Finding.notRun(id, incomplete(ctx));
        }
        if (found.isEmpty()) {
            return Finding.pass(id, "no " + service + " service among " + scanned(ctx), List.of());
        }
        List<Evidence> ev = found.stream().map(s -> Ev.of(ctx, s, service, s.request(), s.banner())).toList();
        return Finding.fail(id, sev, what + " on port(s) "
                + found.stream().map(s -> String.valueOf(s.port())).collect(Collectors.joining(", ")), ev);
    }

    /** Absence is only proven when every requested port was tried. */
    static String incomplete(ProbeContext ctx) {
        return "port scan incomplete (" + ctx.portScan.notTried() + " port(s) not tried before the time budget ran"
                + " out): absence cannot be shown";
    }

    static String scanned(ProbeContext ctx) {
        int n = ctx.options.effectivePorts().size();
        String tcp = n == 65535 ? "all 65535 TCP ports" : n + " TCP port(s)";
        return ctx.options.udp() ? tcp + " and UDP discovery probes" : tcp;
    }
}
