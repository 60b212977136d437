package org.iotb.firmware.services;

import java.util.List;
import java.util.Optional;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.StringHit;
import org.iotb.firmware.tree.TreeFile;

/**
 * BusyBox init without /etc/inittab uses a built-in table (busybox examples/inittab, "If no inittab is found, it has
 * the following default behavior", https://git.busybox.net/busybox/tree/examples/inittab): it runs /etc/init.d/rcS
 * and an {@code askfirst} shell on the console and on tty2-tty4 — a root shell for whoever presses Enter on the
 * serial console, without a login.
 */
final class BusyBoxInit {
    /** Where the kernel looks for init (in its order), and the linuxrc of initrd-style images. */
    private static final List<String> INIT_PATHS = List.of("sbin/init", "etc/init", "bin/init", "linuxrc");

    private BusyBoxInit() {
    }

    /** The built-in table's terminal entries, when the image has no inittab and its init is BusyBox; else empty. */
    static List<ConsoleEntry> builtInTable(FileTree tree) {
        if (tree.resolve("etc/inittab").isPresent()) {
            return List.of();
        }
        for (String p : INIT_PATHS) {
            Optional<TreeFile> init = tree.resolve(p);
            if (init.isPresent()) {
                if (!isBusyBox(tree, init.get())) {
                    return List.of(); // the first init the kernel finds is something else (procd, systemd, a script)
                }
                return List.of(
                        new ConsoleEntry("", "askfirst", "-/bin/sh", p, 0, true),
                        new ConsoleEntry("tty2", "askfirst", "-/bin/sh", p, 0, true),
                        new ConsoleEntry("tty3", "askfirst", "-/bin/sh", p, 0, true),
                        new ConsoleEntry("tty4", "askfirst", "-/bin/sh", p, 0, true));
            }
        }
        return List.of();
    }

    /** A link to the busybox binary, or a copy of it (an ELF carrying BusyBox's banner and init's table words). */
    static boolean isBusyBox(FileTree tree, TreeFile f) {
        if (f.name().startsWith("busybox")) {
            return true;
        }
        if (f.kind() != FileKind.ELF) {
            return false;
        }
        boolean banner = false;
        boolean initApplet = false;
        for (StringHit s : tree.strings(f)) {
            banner |= s.text().contains("BusyBox v");
            initApplet |= s.text().contains("/etc/inittab");
            if (banner && initApplet) {
                return true;
            }
        }
        return false;
    }
}
