package org.iotb.dev;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.iotb.firmware.elf.ChecksecView;
import org.iotb.firmware.elf.ElfIndex;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;

/** Prints our reading of every ELF in checksec's own CSV vocabulary, so the two can be diffed line by line. */
final class ChecksecCsv {
    private ChecksecCsv() {
    }

    static void print(Path root, PrintWriter out) throws Exception {
        FileTree tree = FileTree.index(root);
        for (TreeFile f : tree.ofKind(FileKind.ELF)) {
            ChecksecView v;
            try {
                v = ChecksecView.of(ElfIndex.map(f));
            } catch (Exception e) {
                continue;
            }
            out.println(String.join(",",
                    switch (v.relro()) {
                        case "full" -> "Full RELRO";
                        case "partial" -> "Partial RELRO";
                        default -> "No RELRO";
                    },
                    v.canary().equals("yes") ? "Canary found" : "No Canary found",
                    v.nx().equals("yes") ? "NX enabled" : "NX disabled",
                    switch (v.pie()) {
                        case "yes" -> "PIE enabled";
                        case "no" -> "No PIE";
                        case "dso" -> "DSO";
                        case "rel" -> "REL";
                        default -> v.pie();
                    },
                    v.rpath().equals("yes") ? "RPATH" : "No RPATH",
                    v.runpath().equals("yes") ? "RUNPATH" : "No RUNPATH",
                    v.symbols().equals("yes") ? "Symbols" : "No Symbols",
                    v.fortifySource().equals("yes") ? "Yes" : "No",
                    root.resolve(f.path()).toString()));
        }
        out.flush();
    }
}
