package org.iotb.firmware.services;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.svc.telnet/ftp/tftp/adb/debug/upnp: a risky service started at boot, per data/service-rules.yaml, read from the
 * boot model ({@link BootServices}); a telnet daemon started with a fixed login says so. The vendor backdoor and
 * manufacturing-mode indicators of data/backdoor-indicators.yaml naming this check are added as evidence.
 */
public final class ServiceCheck implements FirmwareCheck {
    private final ServiceRule rule;
    private final List<Pattern> patterns;

    public ServiceCheck(ServiceRule rule) {
        this.rule = rule;
        this.patterns = rule.patterns() == null ? List.of() : rule.patterns().stream().map(Pattern::compile).toList();
    }

    public static List<FirmwareCheck> all() {
        return ServiceRule.all().stream().map(r -> (FirmwareCheck) new ServiceCheck(r)).toList();
    }

    @Override
    public String id() {
        return rule.check();
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        BootServices s = ctx.services();
        List<Evidence> hits = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> uciRead = new ArrayList<>();
        for (ServiceRule.UciSwitch sw : rule.uci() == null ? List.<ServiceRule.UciSwitch>of() : rule.uci()) {
            ctx.tree().resolve("etc/config/" + sw.config()).ifPresent(f -> uciRead.add(f.path()));
            for (UciSwitches.Hit h : UciSwitches.on(ctx.tree(), sw)) {
                if (seen.add(h.source() + ":" + h.line())) {
                    hits.add(Evidence.line(h.source(), h.line(), "UCI switch starts " + sw.initScript() + ": "
                            + Results.excerpt(h.text())));
                }
            }
        }
        List<Evidence> indicators = BackdoorIndicators.find(ctx.tree(), BackdoorIndicators.forCheck(id()));
        if (s.sources().isEmpty() && uciRead.isEmpty() && indicators.isEmpty()) {
            return List.of(Finding.notRun(id(), "no boot configuration (inittab, rcS, init.d, systemd, inetd) found"));
        }
        List<FixedLogin> fixed = s.fixedLogins();
        for (BootCommand c : s.commands()) {
            if (rule.programs().contains(c.program()) && seen.add(c.source() + ":" + c.line())) {
                hits.add(Evidence.line(c.source(), c.line(), c.via() + " starts " + c.program() + ": "
                        + Results.excerpt(c.command()) + fixedLoginNote(fixed, c)));
            }
        }
        for (BootServices.BootLine l : s.bootLines()) {
            for (Pattern p : patterns) {
                if (p.matcher(l.text()).find() && seen.add(l.source() + ":" + l.line())) {
                    hits.add(Evidence.line(l.source(), l.line(), Results.excerpt(l.text())));
                }
            }
        }
        hits.addAll(indicators);
        return Results.failOrPass(id(), Outcome.FAIL, Severity.fromId(rule.severity()),
                hits.size() + " boot-time start(s) of " + rule.what(), hits,
                "none of " + String.join(", ", rule.programs()) + " is started by the "
                        + (s.sources().size() + uciRead.size()) + " boot file(s) read: "
                        + Results.list(concat(s.sources(), uciRead), 10), List.of());
    }

    /** ", with the fixed login user:*** (password from FILE)" when the command fixes a login; else "". */
    static String fixedLoginNote(List<FixedLogin> fixed, BootCommand c) {
        for (FixedLogin f : fixed) {
            if (f.source().equals(c.source()) && f.line() == c.line()) {
                return ", with the fixed login " + f.user() + ":" + Results.mask(f.password())
                        + (f.passwordFile() == null ? "" : " (password read from " + f.passwordFile() + ")");
            }
        }
        return "";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
