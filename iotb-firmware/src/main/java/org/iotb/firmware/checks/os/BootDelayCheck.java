package org.iotb.firmware.checks.os;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.os.bootdelay: the U-Boot environment lets a serial user interrupt autoboot. Uses the environment the
 * unpacker extracted (options) or text environments in the tree (uEnv.txt, *u-boot*env*). bootdelay=-2 passes
 * (no interruption possible); 0 warns (still interruptible when U-Boot checks keys at zero delay);
 * &gt;0 or -1 (autoboot disabled) fails unless bootstopkey or bootstopkeysha256 protect the prompt (warning).
 */
public final class BootDelayCheck implements FirmwareCheck {
    @Override
    public String id() {
        return "fw.os.bootdelay";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        Map<String, String> env = new LinkedHashMap<>(ctx.bootEnv());
        String source = env.isEmpty() ? null : "u-boot-env";
        int line = 0;
        if (env.isEmpty()) {
            for (TreeFile f : ctx.tree().files(f -> f.isText() && f.size() < 256 * 1024
                    && f.name().toLowerCase().matches("(uenv\\.txt|.*u-?boot.*env.*|boot\\.env|fw_env\\.txt)"))) {
                List<String> ls = ctx.tree().lines(f);
                for (int i = 0; i < ls.size(); i++) {
                    String l = ls.get(i).strip();
                    int eq = l.indexOf('=');
                    if (eq > 0 && !l.startsWith("#")) {
                        String k = l.substring(0, eq).strip();
                        env.putIfAbsent(k, l.substring(eq + 1).strip());
                        if (k.equals("bootdelay")) {
                            source = f.path();
                            line = i + 1;
                        }
                    }
                }
            }
        }
        if (!env.containsKey("bootdelay")) {
            return List.of(Finding.notRun(id(), env.isEmpty() ? "no U-Boot environment available"
                    : "U-Boot environment has no bootdelay (compiled-in default unknown)"));
        }
        String v = env.get("bootdelay");
        int delay;
        try {
            delay = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return List.of(Finding.notRun(id(), "bootdelay value not a number: " + Results.excerpt(v)));
        }
        boolean protectedPrompt = env.containsKey("bootstopkeysha256") || env.containsKey("bootstopkey")
                || env.containsKey("bootdelaykey") || env.containsKey("bootstopkey2");
        Evidence ev = new Evidence(source, null, line == 0 ? null : line, "bootdelay=" + v
                + (protectedPrompt ? " (autoboot stop key configured)" : ""), null, null, null, null, null, null, null);
        List<Evidence> list = new ArrayList<>(List.of(ev));
        if (delay == -2) {
            return List.of(Finding.pass(id(), "bootdelay=-2: autoboot cannot be interrupted", list));
        }
        if (delay == 0 || protectedPrompt) {
            return List.of(new Finding(id(), Outcome.WARNING, Severity.LOW, delay == 0
                    ? "bootdelay=0: interruptible if U-Boot was built with zero-delay key checking"
                    : "boot can be interrupted but a stop key protects it", list, null));
        }
        return List.of(new Finding(id(), Outcome.FAIL, Severity.MEDIUM, delay < 0
                ? "bootdelay=" + v + ": autoboot disabled, U-Boot waits at its prompt"
                : "bootdelay=" + v + ": a serial user can interrupt boot and reach the U-Boot prompt", list, null));
    }
}
