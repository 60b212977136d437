package org.iotb.firmware.elf;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hardening facts of one ELF as iotb judges them. Same rules as checksec, except where checksec cannot see:
 * binaries without section headers are read through the dynamic segment (canary, fortify), BIND_NOW also
 * counts DF_1_NOW, a DYN object with an interpreter or DF_1_PIE is a PIE executable, and FORTIFY is measured
 * against the firmware's own libc ({@link LibcInfo}). {@code null} booleans mean "cannot be determined".
 */
public record ElfHardening(
        Kind kind,
        Relro relro,
        Boolean canary,
        boolean nx,
        Boolean pie,
        List<String> rpath,
        List<String> runpath,
        boolean stripped,
        Fortify fortify,
        int fortified,
        int fortifiable,
        boolean staticLinked,
        boolean gnuStack,
        List<String> debugSections) {

    public ElfHardening {
        debugSections = debugSections == null ? List.of() : List.copyOf(debugSections);
    }

    /**
     * The DWARF sections of a binary built with -g and never stripped (.debug_info, .debug_line, ... and their
     * compressed .zdebug_ forms). .debug_frame alone is left out: it is unwind data some toolchains keep on
     * purpose, and it reveals no source, types or names.
     */
    static List<String> debugSections(ElfFile elf) {
        return elf.sections().stream().map(ElfFile.Section::name)
                .filter(n -> (n.startsWith(".debug_") || n.startsWith(".zdebug_"))
                        && !n.equals(".debug_frame") && !n.equals(".zdebug_frame"))
                .distinct().toList();
    }

    /** Whether the binary carries debug information (source lines, types, variable names) beyond symbols. */
    public boolean debugInfo() {
        return !debugSections.isEmpty();
    }

    /** What the object is: only executables are judged for PIE. */
    public enum Kind { EXECUTABLE, SHARED_LIBRARY, RELOCATABLE, OTHER }

    /** FORTIFY_SOURCE verdict: YES (uses _chk functions), NO (could but does not), NOT_APPLICABLE, UNKNOWN. */
    public enum Fortify { YES, NO, NOT_APPLICABLE, UNKNOWN }

    /**
     * ET_DYN is either a PIE executable or a shared library. uClibc toolchains give every shared library a
     * PT_INTERP (libcrypt-0.9.30.so requests /lib/ld-uClibc.so.0), so an interpreter alone does not make an
     * executable: DF_1_PIE does, a DT_SONAME or a lib*.so* file name makes a library, then PT_INTERP/DT_DEBUG.
     */
    private static Kind dynKind(ElfFile elf, boolean hasInterp, boolean pieFlag, String fileName) {
        if (pieFlag) {
            return Kind.EXECUTABLE;
        }
        if (elf.hasTag(ElfFile.DT_SONAME) || fileName != null && LIBRARY_NAME.matcher(fileName).matches()) {
            return Kind.SHARED_LIBRARY;
        }
        return hasInterp || elf.hasTag(ElfFile.DT_DEBUG) ? Kind.EXECUTABLE : Kind.SHARED_LIBRARY;
    }

    private static final java.util.regex.Pattern LIBRARY_NAME =
            java.util.regex.Pattern.compile("(?:.*/)?[^/]*\\.so(?:[.-][0-9][0-9a-z.]*)?");

    static boolean isCanarySymbol(String name) {
        return name.contains("__stack_chk_fail") || name.contains("__stack_chk_guard")
                || name.contains("__intel_security_cookie");
    }

    public static ElfHardening of(ElfFile elf, LibcInfo libc) {
        return of(elf, libc, null);
    }

    /** fileName (may be null) breaks the tie for ET_DYN files whose dynamic section cannot be read. */
    public static ElfHardening of(ElfFile elf, LibcInfo libc, String fileName) {
        boolean hasInterp = elf.interpreter() != null;
        Long flags1 = elf.dynValue(ElfFile.DT_FLAGS_1);
        boolean pieFlag = flags1 != null && (flags1 & ElfFile.DF_1_PIE) != 0;
        Kind kind = switch (elf.type()) {
            case ElfFile.ET_EXEC -> Kind.EXECUTABLE;
            case ElfFile.ET_DYN -> dynKind(elf, hasInterp, pieFlag, fileName);
            case ElfFile.ET_REL -> Kind.RELOCATABLE;
            default -> Kind.OTHER;
        };
        // PT_INTERP means the dynamic loader runs it even when its dynamic section is unreadable
        boolean staticLinked = !elf.hasDynamic() && !hasInterp;

        boolean relroSeg = elf.programHeaders().stream().anyMatch(p -> p.type() == ElfFile.PT_GNU_RELRO);
        Long flags = elf.dynValue(ElfFile.DT_FLAGS);
        boolean now = elf.hasTag(ElfFile.DT_BIND_NOW) || flags != null && (flags & ElfFile.DF_BIND_NOW) != 0
                || flags1 != null && (flags1 & ElfFile.DF_1_NOW) != 0;
        Relro relro = !relroSeg ? Relro.NO : now ? Relro.FULL : Relro.PARTIAL;

        boolean canarySeen = false;
        for (ElfFile.Symbol s : elf.dynamicSymbols()) {
            canarySeen |= isCanarySymbol(s.name());
        }
        for (ElfFile.Symbol s : elf.symtabSymbols()) {
            canarySeen |= isCanarySymbol(s.name());
        }
        // A static binary without .symtab has no symbols at all: absence of the canary symbol proves nothing.
        boolean symbolsKnown = !elf.dynamicSymbols().isEmpty() || !elf.symtabSymbols().isEmpty();
        Boolean canary = canarySeen ? Boolean.TRUE : symbolsKnown ? Boolean.FALSE : null;

        boolean nx = false;
        boolean gnuStack = false;
        for (ElfFile.ProgramHeader ph : elf.programHeaders()) {
            if (ph.type() == ElfFile.PT_GNU_STACK) {
                gnuStack = true;
                nx = (ph.flags() & 7) != 7;
                break;
            }
        }
        Boolean pie = kind != Kind.EXECUTABLE ? null : elf.type() == ElfFile.ET_DYN;

        Set<String> imports = new TreeSet<>();
        for (ElfFile.Symbol s : elf.dynamicSymbols()) {
            if (!s.defined() && !s.name().isEmpty()) {
                imports.add(s.name());
            }
        }
        int fortified = 0;
        int plain = 0;
        for (String name : imports) {
            if (name.startsWith("__") && name.endsWith("_chk") && !name.equals("__stack_chk")) {
                fortified++;
            } else if (libc != null && libc.fortifiable(name)) {
                plain++;
            }
        }
        Fortify fortify;
        if (fortified > 0) {
            fortify = Fortify.YES;
        } else if (staticLinked || !symbolsKnown) {
            fortify = Fortify.UNKNOWN;
        } else if (libc == null || !libc.hasChkFunctions()) {
            fortify = Fortify.NOT_APPLICABLE; // the firmware's libc offers no _chk variants to call
        } else {
            fortify = plain > 0 ? Fortify.NO : Fortify.NOT_APPLICABLE;
        }
        return new ElfHardening(kind, relro, canary, nx, pie, elf.dynStrings(ElfFile.DT_RPATH),
                elf.dynStrings(ElfFile.DT_RUNPATH), !elf.hasSection(".symtab"), fortify, fortified,
                fortified + plain, staticLinked, gnuStack, debugSections(elf));
    }
}
