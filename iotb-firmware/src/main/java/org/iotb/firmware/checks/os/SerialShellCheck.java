package org.iotb.firmware.checks.os;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.services.BootServices;
import org.iotb.firmware.services.ConsoleEntry;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.os.serial-shell: a shell (or auto-login getty) bound to a serial console without authentication, from the boot
 * model's consoles (inittab entries, or BusyBox init's built-in table when the image has no inittab: an askfirst
 * shell on the console) or systemd getty units. A getty/login prompt that asks for a password passes.
 */
public final class SerialShellCheck implements FirmwareCheck {
    private static final Pattern SERIAL_TTY = Pattern.compile(
            "^(?:|console|tty(?:S|AMA|MSM|HS|O|mxc|PS|SAC|AS|SC|LP|FIQ|GS|ATH|MT|SIF)\\d*|ttyUSB\\d+|ttyGS\\d+|ttyS\\d+)$");
    private static final Pattern SHELL = Pattern.compile(
            "^-?(?:/bin/|/usr/bin/|/sbin/)?(?:sh|ash|bash|hush|msh|dash|zsh)(?:\\s+-{1,2}[a-z]+)*\\s*$");
    private static final Pattern AUTOLOGIN = Pattern.compile(
            "(?:getty|agetty)\\b.*(?:--autologin|\\s-a\\s+\\w+|\\s-n\\s.*-l\\s+/bin/(?:ba|a)?sh|\\s-l\\s+/bin/(?:ba|a)?sh)|\\blogin\\s+-f\\s+\\w+");

    @Override
    public String id() {
        return "fw.os.serial-shell";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Evidence> hits = new ArrayList<>();
        List<String> looked = new ArrayList<>();
        // inittab entries, or BusyBox init's built-in table when there is no inittab: the boot model's consoles
        BootServices boot = ctx.services();
        ctx.tree().resolve("etc/inittab").ifPresent(f -> looked.add(f.path()));
        boot.consoles().stream().filter(ConsoleEntry::builtIn).findFirst().ifPresent(e ->
                looked.add("BusyBox init's built-in inittab (" + e.source() + ", no etc/inittab)"));
        for (ConsoleEntry e : boot.consoles()) {
            String cmd = e.command();
            String tty = e.tty();
            boolean serial = SERIAL_TTY.matcher(tty).matches() || cmd.matches(".*\\btty(?:S|AMA|MSM|HS|O|mxc)\\d+.*");
            if (!serial || !(SHELL.matcher(cmd).find() || AUTOLOGIN.matcher(cmd).find())) {
                continue;
            }
            String what = (tty.isEmpty() ? "console" : tty) + " " + e.action() + ": " + Results.excerpt(cmd);
            if (e.builtIn()) {
                hits.add(Evidence.file(e.source()).withExcerpt(what
                        + " (no login; BusyBox init's built-in default, the image has no /etc/inittab)"));
            } else {
                hits.add(Evidence.line(e.source(), e.line(), what + " (no login)"));
            }
        }
        for (TreeFile f : ctx.tree().files(f -> f.isText() && f.path().matches(
                "(etc|lib|usr/lib)/systemd/system/(serial-getty@[^/]*|getty@[^/]*|console-getty)[^/]*(\\.service|\\.d/[^/]+\\.conf)"))) {
            looked.add(f.path());
            List<String> ls = ctx.tree().lines(f);
            for (int i = 0; i < ls.size(); i++) {
                String l = ls.get(i).strip();
                if (l.startsWith("ExecStart=") && (AUTOLOGIN.matcher(l).find()
                        || SHELL.matcher(l.substring(10).replaceFirst("^[-@:+!]+", "")).find())) {
                    hits.add(Evidence.line(f.path(), i + 1, Results.excerpt(l) + " (no login)"));
                }
            }
        }
        if (looked.isEmpty()) {
            return List.of(Finding.notRun(id(), "no inittab or systemd getty unit in the image"));
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.HIGH,
                hits.size() + " serial console(s) give a shell without authentication", hits,
                "serial consoles require a login; read " + String.join(", ", looked), List.of());
    }
}
