package org.iotb.firmware.elf;

import java.util.Set;
import java.util.TreeSet;

/**
 * The firmware's own C library: its flavour and which functions it offers a fortified (__X_chk) variant of.
 * FORTIFY is judged against this, never against the host's libc.
 */
public record LibcInfo(String flavour, String path, Set<String> chkBases) {

    public boolean hasChkFunctions() {
        return !chkBases.isEmpty();
    }

    /** True if {@code import} (e.g. "memcpy") has a __memcpy_chk in this libc. */
    public boolean fortifiable(String importName) {
        return chkBases.contains(ChecksecView.stripLeadingUnderscores(importName));
    }

    /**
     * The C library a program asks the loader for: its interpreter (ld-uClibc, ld-musl, ld-linux), else the
     * libc it lists as DT_NEEDED (uClibc libc.so.0, glibc libc.so.6, musl libc.so / libc.musl-*); null when it
     * names none (static binaries, kernel modules, libraries that need no libc).
     */
    public static String flavourNeeded(String interpreter, java.util.List<String> needed) {
        String i = interpreter == null ? "" : interpreter;
        if (i.contains("ld-uClibc")) {
            return "uclibc";
        }
        if (i.contains("ld-musl")) {
            return "musl";
        }
        if (i.contains("ld-linux")) {
            return "glibc";
        }
        for (String n : needed == null ? java.util.List.<String>of() : needed) {
            if (n.equals("libc.so.0") || n.startsWith("libuClibc")) {
                return "uclibc";
            }
            if (n.equals("libc.so.6")) {
                return "glibc";
            }
            if (n.equals("libc.so") || n.startsWith("libc.musl")) {
                return "musl";
            }
        }
        return null;
    }

    /** Reads the exported __X_chk functions of a libc image. */
    public static LibcInfo of(String flavour, String path, ElfFile libc) {
        Set<String> bases = new TreeSet<>();
        for (ElfFile.Symbol s : libc.dynamicSymbols()) {
            String n = s.name();
            if (s.defined() && n.startsWith("__") && n.endsWith("_chk") && n.length() > 6
                    && !n.equals("__stack_chk")) {
                bases.add(n.substring(2, n.length() - 4));
            }
        }
        return new LibcInfo(flavour, path, bases);
    }
}
