package org.iotb.firmware.elf;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;

/**
 * Every ELF of the tree analysed once (in parallel): hardening verdicts, checksec view, imports. The libc of
 * each ABI found in the image is located first so that FORTIFY is judged against the firmware's own libc.
 */
public final class ElfIndex {
    private final List<ElfInfo> infos;
    private final Map<String, LibcInfo> libcByAbi;

    private ElfIndex(List<ElfInfo> infos, Map<String, LibcInfo> libcByAbi) {
        this.infos = infos;
        this.libcByAbi = libcByAbi;
    }

    public static ElfIndex build(FileTree tree, int threads) {
        List<TreeFile> elves = tree.ofKind(FileKind.ELF);
        Map<String, LibcInfo> libcs = findLibcs(tree, elves);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<ElfInfo>> futures = new ArrayList<>();
            for (TreeFile f : elves) {
                futures.add(pool.submit(() -> analyse(tree, f, libcs)));
            }
            List<ElfInfo> out = new ArrayList<>();
            for (Future<ElfInfo> fu : futures) {
                try {
                    ElfInfo i = fu.get();
                    if (i != null) {
                        out.add(i);
                    }
                } catch (Exception e) {
                    tree.warn("ELF analysis failed: " + e);
                }
            }
            out.sort(Comparator.comparing(ElfInfo::path));
            return new ElfIndex(List.copyOf(out), libcs);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ElfInfo analyse(FileTree tree, TreeFile f, Map<String, LibcInfo> libcs) {
        try {
            ElfFile elf = map(f);
            String abi = abi(elf);
            ElfHardening h = ElfHardening.of(elf, libcs.get(abi), f.path());
            Set<String> imports = new TreeSet<>();
            for (ElfFile.Symbol s : elf.dynamicSymbols()) {
                if (!s.defined() && !s.name().isEmpty()) {
                    imports.add(s.name());
                }
            }
            for (String p : elf.problems()) {
                tree.warn(f.path() + ": " + p);
            }
            return new ElfInfo(f.path(), elf.machineName(), elf.is64() ? 64 : 32, elf.bigEndian(), elf.type(),
                    elf.interpreter(), elf.dynStrings(ElfFile.DT_NEEDED), imports, h, ChecksecView.of(elf),
                    elf.problems());
        } catch (IOException | ElfFormatException e) {
            tree.warn(f.path() + ": not analysable as ELF (" + e.getMessage() + ")");
            return null;
        }
    }

    public static ElfFile map(TreeFile f) throws IOException, ElfFormatException {
        try (FileChannel ch = FileChannel.open(f.absolute(), StandardOpenOption.READ)) {
            long size = Math.min(ch.size(), Integer.MAX_VALUE - 8);
            MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return ElfFile.parse(mb);
        }
    }

    static String abi(ElfFile elf) {
        return elf.machineName() + "/" + (elf.is64() ? 64 : 32) + (elf.bigEndian() ? "be" : "le");
    }

    /** Locates libc per ABI by well-known names: glibc libc.so.6, uClibc libc.so.0/libuClibc-*, musl. */
    private static Map<String, LibcInfo> findLibcs(FileTree tree, List<TreeFile> elves) {
        Map<String, LibcInfo> out = new HashMap<>();
        List<TreeFile> candidates = new ArrayList<>();
        for (TreeFile f : elves) {
            if (flavour(f.name()) != null) {
                candidates.add(f);
            }
        }
        candidates.sort(Comparator.comparing(TreeFile::path));
        for (TreeFile f : candidates) {
            try {
                ElfFile elf = map(f);
                String abi = abi(elf);
                LibcInfo prev = out.get(abi);
                if (prev == null || (!prev.hasChkFunctions() && f.name().startsWith("libc"))) {
                    out.put(abi, LibcInfo.of(flavour(f.name()), f.path(), elf));
                }
            } catch (IOException | ElfFormatException e) {
                tree.warn(f.path() + ": libc candidate unreadable (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    /** libc flavour from a file name, or null when the name is not a libc. */
    public static String flavour(String name) {
        if (name.startsWith("libuClibc") || name.equals("libc.so.0") || name.startsWith("ld-uClibc")) {
            return "uclibc";
        }
        if (name.startsWith("ld-musl") || name.startsWith("libc.musl")) {
            return "musl";
        }
        if (name.equals("libc.so.6") || name.matches("libc-2\\.[0-9.]+\\.so")) {
            return "glibc";
        }
        if (name.equals("libc.so")) {
            return "musl"; // a real ELF named plain libc.so is musl's combined libc+loader
        }
        return null;
    }

    public List<ElfInfo> all() {
        return infos;
    }

    public Map<String, LibcInfo> libcs() {
        return libcByAbi;
    }

    public Optional<ElfInfo> get(String path) {
        return infos.stream().filter(i -> i.path().equals(path)).findFirst();
    }
}
