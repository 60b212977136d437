package org.iotb.firmware.checks.os;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.os.aslr: kernel.randomize_va_space lowered in sysctl configuration or boot scripts (0 = off → fail,
 * 1 = partial → warning), or "norandmaps" on the kernel command line in the U-Boot environment.
 */
public final class AslrCheck implements FirmwareCheck {
    private static final Pattern SYSCTL = Pattern.compile("^\\s*kernel\\.randomize_va_space\\s*=\\s*([0-9])");
    private static final Pattern SCRIPT = Pattern.compile(
            "(?:echo\\s+([0-9])\\s*>+\\s*/proc/sys/kernel/randomize_va_space|sysctl\\s+(?:-w\\s+)?kernel\\.randomize_va_space\\s*=\\s*([0-9]))");

    @Override
    public String id() {
        return "fw.os.aslr";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Evidence> fails = new ArrayList<>();
        List<Evidence> warns = new ArrayList<>();
        List<String> looked = new ArrayList<>();
        for (TreeFile f : ctx.tree().files(f -> f.isText() && (f.path().equals("etc/sysctl.conf")
                || f.path().matches("(etc|usr/lib|lib|run)/sysctl\\.d/[^/]+\\.conf")))) {
            looked.add(f.path());
            List<String> ls = ctx.tree().lines(f);
            for (int i = 0; i < ls.size(); i++) {
                Matcher m = SYSCTL.matcher(ls.get(i));
                if (m.find()) {
                    judge(m.group(1), Evidence.line(f.path(), i + 1, Results.excerpt(ls.get(i))), fails, warns);
                }
            }
        }
        for (var l : ctx.services().bootLines()) {
            Matcher m = SCRIPT.matcher(l.text());
            if (m.find()) {
                String v = m.group(1) != null ? m.group(1) : m.group(2);
                judge(v, Evidence.line(l.source(), l.line(), Results.excerpt(l.text())), fails, warns);
            }
        }
        looked.addAll(ctx.services().sources());
        String bootargs = ctx.bootEnv().getOrDefault("bootargs", "");
        if (bootargs.matches(".*\\bnorandmaps\\b.*")) {
            fails.add(new Evidence("u-boot-env:bootargs", null, null, Results.excerpt(bootargs), null, null, null,
                    null, null, null, null));
        }
        if (!fails.isEmpty() || !warns.isEmpty()) {
            List<Evidence> ev = new ArrayList<>(fails);
            ev.addAll(warns);
            return List.of(new Finding(id(), fails.isEmpty() ? Outcome.WARNING : Outcome.FAIL,
                    fails.isEmpty() ? Severity.LOW : Severity.HIGH,
                    fails.isEmpty() ? "ASLR reduced to partial randomisation (randomize_va_space=1)"
                            : "ASLR disabled (randomize_va_space=0 or norandmaps)", ev, null));
        }
        if (looked.isEmpty() && ctx.bootEnv().isEmpty()) {
            return List.of(Finding.notRun(id(), "no sysctl configuration, boot script or kernel command line to read"));
        }
        return List.of(Finding.pass(id(), "ASLR not lowered; kernel default (2) applies. Read: "
                + Results.list(looked, 10) + (ctx.bootEnv().isEmpty() ? "" : ", U-Boot bootargs"), List.of()));
    }

    private static void judge(String v, Evidence e, List<Evidence> fails, List<Evidence> warns) {
        if (v.equals("0")) {
            fails.add(e);
        } else if (v.equals("1")) {
            warns.add(e);
        }
    }
}
