package org.iotb.firmware.elf;

/**
 * What Debian's checksec 2.6 reports for a file, reproduced rule by rule from its readelf-based script: the
 * symbol-based answers (canary, fortify, symbols) only see what `readelf -s` shows, i.e. nothing when the
 * section header table is absent. Used to prove agreement; verdicts use {@link ElfHardening} instead.
 */
public record ChecksecView(String relro, String canary, String nx, String pie, String rpath, String runpath,
                           String symbols, String fortifySource) {

    public static ChecksecView of(ElfFile elf) {
        String relro = !hasPhdr(elf, ElfFile.PT_GNU_RELRO) ? "no" : bindNowAsReadelfShows(elf) ? "full" : "partial";
        boolean canary = false;
        boolean fortify = false;
        if (elf.hasSectionHeaders()) {
            for (ElfFile.Symbol s : elf.symtabSymbols()) {
                canary |= ElfHardening.isCanarySymbol(s.name());
            }
            if (elf.dynamicSymbolsFromSection()) {
                for (ElfFile.Symbol s : elf.dynamicSymbols()) {
                    canary |= ElfHardening.isCanarySymbol(s.name());
                    fortify |= stripLeadingUnderscores(s.name()).endsWith("_chk");
                }
            }
        }
        String nx = "no";
        for (ElfFile.ProgramHeader ph : elf.programHeaders()) {
            if (ph.type() == ElfFile.PT_GNU_STACK) {
                boolean rwe = (ph.flags() & 7) == 7;
                nx = rwe ? "no" : "yes";
                break;
            }
        }
        String pie = switch (elf.type()) {
            case ElfFile.ET_EXEC -> "no";
            case ElfFile.ET_DYN -> elf.hasTag(ElfFile.DT_DEBUG) ? "yes" : "dso";
            case ElfFile.ET_REL -> "rel";
            default -> "not_elf";
        };
        String rpath = nonEmpty(elf.dynStrings(ElfFile.DT_RPATH)) ? "yes" : "no";
        String runpath = nonEmpty(elf.dynStrings(ElfFile.DT_RUNPATH)) ? "yes" : "no";
        String symbols = elf.hasSection(".symtab") ? "yes" : "no";
        return new ChecksecView(relro, canary ? "yes" : "no", nx, pie, rpath, runpath, symbols,
                fortify ? "yes" : "no");
    }

    private static boolean hasPhdr(ElfFile elf, long type) {
        return elf.programHeaders().stream().anyMatch(p -> p.type() == type);
    }

    /** readelf -d prints "BIND_NOW" for DT_BIND_NOW and for DT_FLAGS containing DF_BIND_NOW. */
    private static boolean bindNowAsReadelfShows(ElfFile elf) {
        Long flags = elf.dynValue(ElfFile.DT_FLAGS);
        return elf.hasTag(ElfFile.DT_BIND_NOW) || (flags != null && (flags & ElfFile.DF_BIND_NOW) != 0);
    }

    private static boolean nonEmpty(java.util.List<String> paths) {
        return paths.stream().anyMatch(p -> !p.isEmpty());
    }

    static String stripLeadingUnderscores(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '_') {
            i++;
        }
        return s.substring(i);
    }
}
