package org.iotb.firmware.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small ELF reader of our own: header, program headers, the dynamic segment, section headers when present,
 * and symbols — from .dynsym/.symtab sections, or, when the section table is missing (common in router
 * firmware), from DT_SYMTAB/DT_STRTAB with the count taken from DT_HASH or DT_GNU_HASH. Every offset and count
 * is checked against the buffer; nothing is trusted.
 */
public final class ElfFile {
    public static final int ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4;
    public static final int PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_GNU_STACK = 0x6474e551,
            PT_GNU_RELRO = 0x6474e552;
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;
    public static final long DT_NULL = 0, DT_NEEDED = 1, DT_HASH = 4, DT_STRTAB = 5, DT_SYMTAB = 6,
            DT_STRSZ = 10, DT_SYMENT = 11, DT_SONAME = 14, DT_RPATH = 15, DT_DEBUG = 21, DT_BIND_NOW = 24,
            DT_RUNPATH = 29, DT_FLAGS = 30, DT_FLAGS_1 = 0x6ffffffbL, DT_GNU_HASH = 0x6ffffef5L,
            DT_MIPS_SYMTABNO = 0x70000011L;
    public static final long DF_BIND_NOW = 0x8, DF_1_NOW = 0x1, DF_1_PIE = 0x08000000L;
    private static final int SHT_SYMTAB = 2, SHT_DYNSYM = 11;
    private static final int MAX_PHDRS = 4096, MAX_SHDRS = 65535, MAX_DYN = 65536, MAX_SYMS = 500_000;

    public record ProgramHeader(long type, long flags, long offset, long vaddr, long filesz, long memsz) { }

    public record Section(String name, long type, long offset, long size, long link, long entsize) { }

    public record DynEntry(long tag, long value) { }

    /** A symbol; {@code defined} is false for imports (st_shndx == SHN_UNDEF). */
    public record Symbol(String name, boolean defined, boolean fromSymtab) { }

    private final ByteBuffer buf;
    private final boolean is64;
    private final int type;
    private final int machine;
    private final List<ProgramHeader> programHeaders = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<DynEntry> dynamic = new ArrayList<>();
    private final List<Symbol> dynamicSymbols = new ArrayList<>();
    private final List<Symbol> symtabSymbols = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String interpreter;
    private boolean dynsymFromSection;

    private ElfFile(ByteBuffer buf) throws ElfFormatException {
        this.buf = buf;
        if (buf.limit() < 52 || buf.get(0) != 0x7f || buf.get(1) != 'E' || buf.get(2) != 'L' || buf.get(3) != 'F') {
            throw new ElfFormatException("not an ELF file");
        }
        int cls = buf.get(4);
        int data = buf.get(5);
        if ((cls != 1 && cls != 2) || (data != 1 && data != 2)) {
            throw new ElfFormatException("bad ELF class/data " + cls + "/" + data);
        }
        is64 = cls == 2;
        buf.order(data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (is64 && buf.limit() < 64) {
            throw new ElfFormatException("truncated ELF64 header");
        }
        type = u16(16);
        machine = u16(18);
        readProgramHeaders();
        readSections();
        readDynamic();
        readSymbols();
    }

    /** Parses the bytes of an ELF file; throws when even the header is unusable, else records problems. */
    public static ElfFile parse(ByteBuffer bytes) throws ElfFormatException {
        try {
            return new ElfFile(bytes.duplicate());
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ElfFormatException("malformed ELF: " + e);
        }
    }

    public static ElfFile parse(byte[] bytes) throws ElfFormatException {
        return parse(ByteBuffer.wrap(bytes));
    }

    // ---- primitive reads, all bounds-checked by ByteBuffer (IndexOutOfBounds → caught by callers) ----
    private int u8(long off) {
        return buf.get(idx(off, 1)) & 0xff;
    }

    private int u16(long off) {
        return buf.getShort(idx(off, 2)) & 0xffff;
    }

    private long u32(long off) {
        return buf.getInt(idx(off, 4)) & 0xffffffffL;
    }

    private long u64(long off) {
        return buf.getLong(idx(off, 8));
    }

    private long word(long off) {
        return is64 ? u64(off) : u32(off);
    }

    private int idx(long off, int len) {
        if (off < 0 || off + len > buf.limit()) {
            throw new IndexOutOfBoundsException("offset " + off + " outside file of " + buf.limit());
        }
        return (int) off;
    }

    private boolean inFile(long off, long len) {
        return off >= 0 && len >= 0 && off <= buf.limit() && len <= buf.limit() - off;
    }

    private void readProgramHeaders() {
        long phoff = is64 ? u64(32) : u32(28);
        int phentsize = u16(is64 ? 54 : 42);
        int phnum = u16(is64 ? 56 : 44);
        if (phnum == 0) {
            return;
        }
        if (phnum > MAX_PHDRS || phentsize < (is64 ? 56 : 32) || !inFile(phoff, (long) phnum * phentsize)) {
            problems.add("program header table outside the file");
            return;
        }
        for (int i = 0; i < phnum; i++) {
            long o = phoff + (long) i * phentsize;
            if (is64) {
                programHeaders.add(new ProgramHeader(u32(o), u32(o + 4), u64(o + 8), u64(o + 16), u64(o + 32),
                        u64(o + 40)));
            } else {
                programHeaders.add(new ProgramHeader(u32(o), u32(o + 24), u32(o + 4), u32(o + 8), u32(o + 16),
                        u32(o + 20)));
            }
        }
        for (ProgramHeader ph : programHeaders) {
            if (ph.type() == PT_INTERP && inFile(ph.offset(), ph.filesz()) && ph.filesz() < 4096) {
                interpreter = cString(ph.offset(), ph.filesz());
            }
        }
    }

    private void readSections() {
        long shoff = is64 ? u64(40) : u32(32);
        int shentsize = u16(is64 ? 58 : 46);
        int shnum = u16(is64 ? 60 : 48);
        int shstrndx = u16(is64 ? 62 : 50);
        if (shoff == 0 || shnum == 0) {
            return;
        }
        if (shnum > MAX_SHDRS || shentsize < (is64 ? 64 : 40) || !inFile(shoff, (long) shnum * shentsize)) {
            problems.add("section header table outside the file");
            return;
        }
        List<long[]> raw = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            long o = shoff + (long) i * shentsize;
            if (is64) {
                raw.add(new long[]{u32(o), u32(o + 4), u64(o + 24), u64(o + 32), u32(o + 40), u64(o + 56)});
            } else {
                raw.add(new long[]{u32(o), u32(o + 4), u32(o + 16), u32(o + 20), u32(o + 24), u32(o + 36)});
            }
        }
        long[] strSec = shstrndx < raw.size() ? raw.get(shstrndx) : null;
        for (long[] r : raw) {
            String name = "";
            if (strSec != null && inFile(strSec[2], strSec[3]) && r[0] < strSec[3]) {
                name = cString(strSec[2] + r[0], strSec[3] - r[0]);
            }
            sections.add(new Section(name, r[1], r[2], r[3], r[4], r[5]));
        }
    }

    private void readDynamic() {
        for (ProgramHeader ph : programHeaders) {
            if (ph.type() != PT_DYNAMIC) {
                continue;
            }
            if (!inFile(ph.offset(), ph.filesz())) {
                problems.add("dynamic segment outside the file");
                return;
            }
            int ent = is64 ? 16 : 8;
            long n = Math.min(ph.filesz() / ent, MAX_DYN);
            for (long i = 0; i < n; i++) {
                long o = ph.offset() + i * ent;
                long tag = is64 ? u64(o) : u32(o);
                long val = word(o + (is64 ? 8 : 4));
                if (tag == DT_NULL) {
                    break;
                }
                dynamic.add(new DynEntry(tag, val));
            }
            return;
        }
    }

    private void readSymbols() {
        for (Section s : sections) {
            if (s.type() == SHT_SYMTAB || s.type() == SHT_DYNSYM) {
                if (s.link() >= sections.size()) {
                    continue;
                }
                Section strs = sections.get((int) s.link());
                long entsize = is64 ? 24 : 16;
                if (!inFile(s.offset(), s.size()) || !inFile(strs.offset(), strs.size())) {
                    problems.add("symbol table " + s.name() + " outside the file");
                    continue;
                }
                long count = Math.min(s.size() / entsize, MAX_SYMS);
                List<Symbol> target = s.type() == SHT_SYMTAB ? symtabSymbols : dynamicSymbols;
                readSymbolTable(s.offset(), count, strs.offset(), strs.size(), target, s.type() == SHT_SYMTAB);
                if (s.type() == SHT_DYNSYM) {
                    dynsymFromSection = true;
                }
            }
        }
        if (!dynsymFromSection) {
            readDynamicSymbolsFromSegment();
        }
    }

    /** Without sections: DT_SYMTAB + DT_STRTAB, symbol count from DT_HASH, DT_GNU_HASH or DT_MIPS_SYMTABNO. */
    private void readDynamicSymbolsFromSegment() {
        Long symtab = dynValue(DT_SYMTAB), strtab = dynValue(DT_STRTAB), strsz = dynValue(DT_STRSZ);
        if (symtab == null || strtab == null || strsz == null) {
            return;
        }
        long symOff = vaddrToOffset(symtab), strOff = vaddrToOffset(strtab);
        if (symOff < 0 || strOff < 0 || !inFile(strOff, Math.min(strsz, buf.limit() - strOff))) {
            problems.add("dynamic symbol table not mapped in the file");
            return;
        }
        long count = symbolCount(symOff);
        if (count <= 0) {
            problems.add("cannot determine dynamic symbol count");
            return;
        }
        readSymbolTable(symOff, Math.min(count, MAX_SYMS), strOff, Math.min(strsz, buf.limit() - strOff),
                dynamicSymbols, false);
    }

    private long symbolCount(long symOff) {
        Long mips = dynValue(DT_MIPS_SYMTABNO);
        if (mips != null && mips > 0) {
            return mips;
        }
        Long hash = dynValue(DT_HASH);
        if (hash != null) {
            long off = vaddrToOffset(hash);
            if (off >= 0 && inFile(off, 8)) {
                return u32(off + 4); // nchain == number of symbols
            }
        }
        Long gnu = dynValue(DT_GNU_HASH);
        if (gnu != null) {
            long off = vaddrToOffset(gnu);
            if (off >= 0 && inFile(off, 16)) {
                long nbuckets = u32(off), symoffset = u32(off + 4), bloomSize = u32(off + 8);
                long buckets = off + 16 + bloomSize * (is64 ? 8 : 4);
                if (nbuckets > 1_000_000 || bloomSize > 1_000_000 || !inFile(buckets, nbuckets * 4)) {
                    return -1;
                }
                long max = 0;
                for (long i = 0; i < nbuckets; i++) {
                    max = Math.max(max, u32(buckets + i * 4));
                }
                if (max < symoffset) {
                    return symoffset;
                }
                long chains = buckets + nbuckets * 4;
                for (long idx = max; idx - symoffset < MAX_SYMS; idx++) {
                    long o = chains + (idx - symoffset) * 4;
                    if (!inFile(o, 4)) {
                        return idx;
                    }
                    if ((u32(o) & 1) != 0) {
                        return idx + 1;
                    }
                }
            }
        }
        return -1;
    }

    private void readSymbolTable(long off, long count, long strOff, long strSize, List<Symbol> out,
                                 boolean symtab) {
        long entsize = is64 ? 24 : 16;
        for (long i = 0; i < count; i++) {
            long o = off + i * entsize;
            if (!inFile(o, entsize)) {
                problems.add("symbol table truncated");
                return;
            }
            long nameIdx = u32(o);
            int shndx = u16(is64 ? o + 6 : o + 14);
            String name = nameIdx < strSize ? cString(strOff + nameIdx, strSize - nameIdx) : "";
            out.add(new Symbol(name, shndx != 0, symtab));
        }
    }

    /** Maps a virtual address to a file offset through the PT_LOAD segments; -1 when unmapped. */
    public long vaddrToOffset(long vaddr) {
        for (ProgramHeader ph : programHeaders) {
            if (ph.type() == PT_LOAD && vaddr >= ph.vaddr() && vaddr - ph.vaddr() < ph.filesz()) {
                return ph.offset() + (vaddr - ph.vaddr());
            }
        }
        return -1;
    }

    private String cString(long off, long max) {
        int start = idx(off, 0);
        long limit = Math.min(max, Math.min(4096, buf.limit() - off));
        int end = start;
        while (end - start < limit && buf.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - start];
        for (int i = 0; i < b.length; i++) {
            b[i] = buf.get(start + i);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    public Long dynValue(long tag) {
        for (DynEntry d : dynamic) {
            if (d.tag() == tag) {
                return d.value();
            }
        }
        return null;
    }

    /** A string-valued dynamic entry (DT_NEEDED, DT_RPATH…) read from DT_STRTAB. */
    public List<String> dynStrings(long tag) {
        Long strtab = dynValue(DT_STRTAB);
        Long strsz = dynValue(DT_STRSZ);
        if (strtab == null) {
            return List.of();
        }
        long base = vaddrToOffset(strtab);
        if (base < 0) {
            return List.of();
        }
        long size = strsz == null ? buf.limit() - base : Math.min(strsz, buf.limit() - base);
        Set<String> out = new LinkedHashSet<>();
        for (DynEntry d : dynamic) {
            if (d.tag() == tag && d.value() >= 0 && d.value() < size) {
                out.add(cString(base + d.value(), size - d.value()));
            }
        }
        return List.copyOf(out);
    }

    public boolean is64() {
        return is64;
    }

    public boolean bigEndian() {
        return buf.order() == ByteOrder.BIG_ENDIAN;
    }

    public int type() {
        return type;
    }

    public int machine() {
        return machine;
    }

    public String machineName() {
        return switch (machine) {
            case 3 -> "x86";
            case 8 -> "MIPS";
            case 20 -> "PowerPC";
            case 21 -> "PowerPC64";
            case 40 -> "ARM";
            case 62 -> "x86-64";
            case 183 -> "AArch64";
            case 243 -> "RISC-V";
            default -> "machine-" + machine;
        };
    }

    public List<ProgramHeader> programHeaders() {
        return Collections.unmodifiableList(programHeaders);
    }

    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    public boolean hasSection(String name) {
        return sections.stream().anyMatch(s -> s.name().equals(name));
    }

    public boolean hasSectionHeaders() {
        return !sections.isEmpty();
    }

    public List<DynEntry> dynamic() {
        return Collections.unmodifiableList(dynamic);
    }

    public boolean hasDynamic() {
        return !dynamic.isEmpty();
    }

    public boolean hasTag(long tag) {
        return dynValue(tag) != null;
    }

    /** Dynamic symbols: from .dynsym when sections exist, else from the dynamic segment. */
    public List<Symbol> dynamicSymbols() {
        return Collections.unmodifiableList(dynamicSymbols);
    }

    /** True when {@link #dynamicSymbols()} came from a .dynsym section (what readelf --dyn-syms can see). */
    public boolean dynamicSymbolsFromSection() {
        return dynsymFromSection;
    }

    public List<Symbol> symtabSymbols() {
        return Collections.unmodifiableList(symtabSymbols);
    }

    public String interpreter() {
        return interpreter;
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    int byteAt(long off) {
        return u8(off);
    }
}
