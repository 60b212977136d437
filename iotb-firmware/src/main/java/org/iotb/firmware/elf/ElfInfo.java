package org.iotb.firmware.elf;

import java.util.List;
import java.util.Set;

/** The facts kept about one ELF of the tree once its bytes are released. */
public record ElfInfo(String path, String machine, int bits, boolean bigEndian, int type, String interpreter,
                      List<String> needed, Set<String> imports, ElfHardening hardening, ChecksecView checksec,
                      List<String> problems) {

    /** Key that groups binaries that can share a libc (machine, word size, byte order). */
    public String abi() {
        return machine + "/" + bits + (bigEndian ? "be" : "le");
    }
}
