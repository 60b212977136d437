package org.iotb.firmware.services;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;

/**
 * fw.svc.inventory (info): what the image starts at boot. Lists programs that exist in the image (or are
 * named by a service rule), with data {"services":[{"name","source","line","via","command"}]}.
 */
public final class ServiceInventoryCheck implements FirmwareCheck {
    @Override
    public String id() {
        return "fw.svc.inventory";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        BootServices s = ctx.services();
        if (s.sources().isEmpty()) {
            return List.of(Finding.notRun(id(), "no boot configuration (inittab, rcS, init.d, systemd, inetd) found"));
        }
        List<Map<String, Object>> services = new ArrayList<>();
        List<Evidence> ev = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (BootCommand c : started(ctx)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.program());
            m.put("source", c.source());
            m.put("line", c.line());
            m.put("via", c.via());
            m.put("command", Results.excerpt(c.command()));
            services.add(m);
            names.add(c.program());
            ev.add(Evidence.line(c.source(), c.line(), c.via() + ": " + Results.excerpt(c.command())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("services", services);
        data.put("bootFiles", s.sources());
        return List.of(Results.info(id(), services.size() + " program start(s) at boot: "
                + Results.list(new ArrayList<>(names), 20), ev, data));
    }

    /**
     * The boot commands whose program exists in the image or is named by a service rule: the image's boot
     * services (also read by {@code FirmwareFactsExtractor}). Empty when the image has no boot configuration.
     */
    public static List<BootCommand> started(ScanContext ctx) {
        Set<String> known = new LinkedHashSet<>();
        for (ServiceRule r : ServiceRule.all()) {
            known.addAll(r.programs());
        }
        List<BootCommand> out = new ArrayList<>();
        for (BootCommand c : ctx.services().commands()) {
            if (known.contains(c.program()) || installed(ctx, c.program())) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean installed(ScanContext ctx, String program) {
        for (String dir : List.of("bin/", "sbin/", "usr/bin/", "usr/sbin/", "usr/libexec/", "lib/", "usr/local/bin/",
                "usr/local/sbin/", "etc/init.d/")) {
            if (ctx.tree().resolve(dir + program).isPresent() || ctx.tree().links().containsKey(dir + program)) {
                return true;
            }
        }
        return false;
    }
}
