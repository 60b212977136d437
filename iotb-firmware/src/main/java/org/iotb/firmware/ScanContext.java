package org.iotb.firmware;

import java.util.List;
import java.util.Map;
import org.iotb.firmware.elf.ElfIndex;
import org.iotb.firmware.services.BootServices;
import org.iotb.firmware.tree.FileTree;

/**
 * What every check may read: the indexed tree, the options, and analyses shared between checks that are
 * computed once on first use (ELF facts of every binary, the boot-time service inventory).
 */
public final class ScanContext {
    private final FileTree tree;
    private final FirmwareScanOptions options;
    private volatile ElfIndex elves;
    private volatile BootServices services;

    public ScanContext(FileTree tree, FirmwareScanOptions options) {
        this.tree = tree;
        this.options = options;
    }

    public FileTree tree() {
        return tree;
    }

    public FirmwareScanOptions options() {
        return options;
    }

    public Map<String, String> bootEnv() {
        return options.bootEnv();
    }

    public ElfIndex elves() {
        ElfIndex e = elves;
        if (e == null) {
            synchronized (this) {
                if (elves == null) {
                    elves = ElfIndex.build(tree, options.threads());
                }
                e = elves;
            }
        }
        return e;
    }

    public BootServices services() {
        BootServices s = services;
        if (s == null) {
            synchronized (this) {
                if (services == null) {
                    services = BootServices.discover(tree);
                }
                s = services;
            }
        }
        return s;
    }

    public List<String> warnings() {
        return tree.warnings();
    }
}
