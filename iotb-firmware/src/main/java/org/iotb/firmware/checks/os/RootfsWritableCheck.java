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
 * <p>
 * U-Boot's bootargs describe this root only when they name its type: a vendor U-Boot often keeps the reference
 * board's default command line (TP-Link's TL-WR841N v10: {@code rootfstype=jffs2} and another flash layout, while
 * the image's root is a squashfs and the kernel carries its own command line). Bootargs whose {@code rootfstype}
 * differs from the type of the root file system being read (the unpacker's {@code <offset>-<format>} folder
 * it was extracted into) are stale: they are said to be ignored, and neither fail nor pass the check.
 */
public final class RootfsWritableCheck implements FirmwareCheck {
    private static final Pattern REMOUNT = Pattern.compile("\\bmount\\b[^#;&|]*-o\\s*\\S*\\b(?:remount,rw|rw,remount)\\b[^#;&|]*\\s/(?:\\s|$)");
    private static final List<String> READ_ONLY_FS = List.of("squashfs", "cramfs", "romfs", "iso9660", "erofs");

    /** The unpacker's format ids of file systems, as they name their output folders. */
    private static final List<String> FS_FORMATS = List.of("squashfs", "cramfs", "romfs", "jffs2", "ubifs", "yaffs2", "ext");

    /** The file-system format of a root extracted into "<offset>-<format>", or null when not known. */
    static String rootFormat(java.nio.file.Path root) {
        if (root == null || root.getFileName() == null) {
            return null;
        }
        java.util.regex.Matcher m = Pattern.compile("\\d+-([a-z0-9]+)").matcher(root.getFileName().toString());
        return m.matches() && FS_FORMATS.contains(m.group(1)) ? m.group(1) : null;
    }

    /** Why bootargs do not describe a root of type {@code fs} ("rootfstype=jffs2, root is squashfs"), or null. */
    static String staleBootargs(String bootargs, String fs) {
        java.util.regex.Matcher m = Pattern.compile("(?:^|\\s)rootfstype=([a-z0-9]+)").matcher(bootargs);
        if (fs == null || !m.find()) {
            return null;
        }
        String named = m.group(1);
        boolean same = named.equals(fs) || fs.equals("ext") && named.matches("ext[234]");
        return same ? null : "they name rootfstype=" + named + ", the root file system is " + fs;
    }

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
        String stale = staleBootargs(bootargs, rootFormat(ctx.tree().root()));
        if (stale != null) {
            looked.add("u-boot-env:bootargs (ignored: " + stale + ")");
        } else if (!bootargs.isEmpty()) {
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
            // stale bootargs leave the root mount unknown, never read-only
            return List.of(Finding.notRun(id(), "no fstab root entry or kernel command line names the root mount"
                    + (looked.isEmpty() ? "" : " (read " + String.join(", ", looked) + ")")));
        }
        return List.of(Finding.pass(id(), "root filesystem mounted read-only; read " + String.join(", ", looked)
                + " and " + ctx.services().sources().size() + " boot file(s)", List.of()));
    }
}
