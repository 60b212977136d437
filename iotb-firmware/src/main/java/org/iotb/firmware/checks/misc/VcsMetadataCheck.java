package org.iotb.firmware.checks.misc;

import java.util.ArrayList;
import java.util.List;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/** fw.dev.vcs-metadata: version-control directories (.git, .svn, .hg, .bzr, CVS) left in the image. */
public final class VcsMetadataCheck implements FirmwareCheck {
    @Override
    public String id() {
        return "fw.dev.vcs-metadata";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        if (ctx.tree().files().isEmpty()) {
            return List.of(Finding.notRun(id(), "the tree has no files"));
        }
        List<Evidence> hits = new ArrayList<>();
        for (String d : ctx.tree().directories().stream().sorted().toList()) {
            String name = d.substring(d.lastIndexOf('/') + 1);
            boolean vcs = name.equals(".git") || name.equals(".svn") || name.equals(".hg") || name.equals(".bzr")
                    || name.equals("CVS") && ctx.tree().resolve(d + "/Root").isPresent();
            boolean nested = hits.stream().anyMatch(e -> d.startsWith(e.path() + "/"));
            if (vcs && !nested) {
                String what = name.equals(".git") && ctx.tree().resolve(d + "/config").isPresent()
                        ? "git repository (config, history)" : name + " metadata";
                hits.add(Evidence.file(d).withExcerpt(what));
            }
        }
        for (String f : ctx.tree().files(f -> f.name().equals(".git") || f.name().equals(".gitignore")).stream()
                .map(f -> f.path()).toList()) {
            if (f.endsWith("/.git") || f.equals(".git")) {
                hits.add(Evidence.file(f).withExcerpt("git worktree link"));
            }
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.LOW,
                hits.size() + " version-control metadata location(s) in the image", hits,
                "no .git/.svn/.hg/.bzr/CVS among " + ctx.tree().directories().size() + " directories", List.of());
    }
}
