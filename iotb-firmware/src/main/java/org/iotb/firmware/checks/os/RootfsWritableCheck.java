package org.iotb.firmware.checks.os;

import java.util.ArrayList;
import java.util.List;
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
 * fw.os.rootfs-writable: the root filesystem is mounted read-write — fstab's "/" entry with rw or defaults
 * (unless a read-only filesystem type), a boot script remounting / rw, or "rw" on the kernel command line.
 */
public final class RootfsWritableCheck implements FirmwareCheck {
    private static final Pattern REMOUNT = Pattern.compile("\\bmount\\b[^#;&|]*-o\\s*\\S*\\b(?:remount,rw|rw,remount)\\b[^#;&|]*\\s/(?:\\s|$)");
    private static final List<String> READ_ONLY_FS = List.of("squashfs", "cramfs", "romfs", "iso9660", "erofs");

    @Override
    public String id() {
        return "fw.os.rootfs-writable";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Evidence> hits = new ArrayList<>();
        List<String> looked = new ArrayList<>();
        boolean rootEntry = false;
        var fstab = ctx.tree().resolve("etc/fstab");
        if (fstab.isPresent()) {
            TreeFile f = fstab.get();
            looked.add(f.path());
            List<String> ls = ctx.tree().lines(f);
            for (int i = 0; i < ls.size(); i++) {
                String l = ls.get(i).strip();
                if (l.startsWith("#")) {
                    continue;
                }
                String[] p = l.split("\\s+");
                if (p.length >= 4 && p[1].equals("/")) {
                    rootEntry = true;
                    List<String> opts = List.of(p[3].split(","));
                    boolean ro = opts.contains("ro");
                    if (!ro && !READ_ONLY_FS.contains(p[2]) && (opts.contains("rw") || opts.contains("defaults"))) {
                        hits.add(Evidence.line(f.path(), i + 1, "root mounted read-write: " + Results.excerpt(l)));
                    }
                }
            }
        }
        for (var l : ctx.services().bootLines()) {
            if (REMOUNT.matcher(l.text()).find()) {
                hits.add(Evidence.line(l.source(), l.line(), "remounts / read-write: " + Results.excerpt(l.text())));
            }
        }
        String bootargs = ctx.bootEnv().getOrDefault("bootargs", "");
        if (!bootargs.isEmpty()) {
            looked.add("u-boot-env:bootargs");
            rootEntry = true;
            if (bootargs.matches("(.*\\s)?rw(\\s.*)?") && !bootargs.matches(".*rootfstype=(squashfs|cramfs|erofs).*")) {
                hits.add(new Evidence("u-boot-env:bootargs", null, null, "kernel command line mounts root rw: "
                        + Results.excerpt(bootargs), null, null, null, null, null, null, null));
            }
        }
        if (!hits.isEmpty()) {
            return List.of(new Finding(id(), Outcome.FAIL, Severity.MEDIUM, "root filesystem mounted read-write",
                    hits, null));
        }
        if (!rootEntry) {
            return List.of(Finding.notRun(id(), "no fstab root entry or kernel command line names the root mount"
                    + (looked.isEmpty() ? "" : " (read " + String.join(", ", looked) + ")")));
        }
        return List.of(Finding.pass(id(), "root filesystem mounted read-only; read " + String.join(", ", looked)
                + " and " + ctx.services().sources().size() + " boot file(s)", List.of()));
    }
}
