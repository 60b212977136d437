package org.iotb.firmware.checks.misc;

import java.util.ArrayList;
import java.util.List;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.dev.source-code: source files of compiled languages (C, C++, Go, Rust, Java, assembly) shipped in the
 * image. Headers under include/ directories and documentation examples are development packages, not leaks.
 */
public final class SourceCodeCheck implements FirmwareCheck {
    @Override
    public String id() {
        return "fw.dev.source-code";
    }

    static boolean leakedSource(TreeFile f) {
        String p = f.path().toLowerCase();
        if (!p.matches(".*\\.(c|cc|cpp|cxx|go|rs|java|s)$") || !f.isText()) {
            return false;
        }
        return !p.matches("(.*/)?(include|share/doc|share/examples|share/man|lib/python[^/]*|lib/perl[^/]*)/.*");
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        if (ctx.tree().files().isEmpty()) {
            return List.of(Finding.notRun(id(), "the tree has no files"));
        }
        List<Evidence> hits = new ArrayList<>();
        for (TreeFile f : ctx.tree().files(SourceCodeCheck::leakedSource)) {
            hits.add(Evidence.file(f.path()).withExcerpt("source file, " + f.size() + " bytes"));
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.LOW,
                hits.size() + " source file(s) of compiled programs left in the image", hits,
                "no C/C++/Go/Rust/Java/assembly source among " + ctx.tree().files().size() + " file(s)", List.of());
    }
}
