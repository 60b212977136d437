package org.iotb.firmware.checks.misc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.StringHit;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.dev.debug-tools: debuggers, tracers and raw-memory tools installed in a production image (data/debug-tools.txt),
 * as files or links in program directories → fail. Busybox applets compiled in but not linked (reachable as
 * `busybox devmem`) → warning, since they still need a shell to be used.
 */
public final class DebugToolsCheck implements FirmwareCheck {
    private static final Set<String> TOOLS = load();
    private static final String BIN_DIRS = "(?:(?:usr/|usr/local/)?s?bin/|usr/libexec/|opt/(?:[^/]+/)+s?bin/)";

    @Override
    public String id() {
        return "fw.dev.debug-tools";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        if (ctx.tree().files().isEmpty()) {
            return List.of(Finding.notRun(id(), "the tree has no files"));
        }
        List<Evidence> fails = new ArrayList<>();
        List<Evidence> warns = new ArrayList<>();
        for (TreeFile f : ctx.tree().files()) {
            if (TOOLS.contains(f.name()) && f.path().matches(BIN_DIRS + "[^/]+")) {
                fails.add(Evidence.file(f.path()).withExcerpt(f.name() + " installed (" + f.kind().name().toLowerCase()
                        + ")"));
            }
        }
        for (String link : ctx.tree().links().keySet()) {
            String name = link.substring(link.lastIndexOf('/') + 1);
            if (TOOLS.contains(name) && link.matches(BIN_DIRS + "[^/]+")) {
                fails.add(Evidence.file(link).withExcerpt(name + " installed (link to "
                        + ctx.tree().links().get(link) + ")"));
            }
        }
        for (TreeFile bb : ctx.tree().files(f -> f.name().equals("busybox") || f.name().startsWith("busybox."))) {
            Set<String> applets = new LinkedHashSet<>();
            for (StringHit s : ctx.tree().strings(bb)) {
                if (TOOLS.contains(s.text()) && !linked(ctx, s.text())) {
                    applets.add(s.text());
                }
            }
            if (!applets.isEmpty()) {
                warns.add(Evidence.file(bb.path()).withExcerpt("busybox applet(s) compiled in: "
                        + String.join(", ", applets)));
            }
        }
        if (!fails.isEmpty() || !warns.isEmpty()) {
            List<Evidence> ev = new ArrayList<>(fails);
            ev.addAll(warns);
            return List.of(new Finding(id(), fails.isEmpty() ? Outcome.WARNING : Outcome.FAIL,
                    fails.isEmpty() ? Severity.LOW : Severity.MEDIUM,
                    message(fails.size(), !warns.isEmpty()),
                    Results.cap(ev), null));
        }
        return List.of(Finding.pass(id(), "none of " + TOOLS.size() + " debug tools in program directories of "
                + ctx.tree().files().size() + " file(s)", List.of()));
    }

    /** "2 debug tool(s) installed", "busybox has debug applets compiled in", or both: never "0 tool(s)". */
    static String message(int tools, boolean applets) {
        String t = tools + " debug tool(s) installed";
        String a = "busybox has debug applets compiled in";
        return tools == 0 ? a : applets ? t + "; " + a : t;
    }

    private static boolean linked(ScanContext ctx, String name) {
        return ctx.tree().links().keySet().stream().anyMatch(l -> l.endsWith("/" + name));
    }

    private static Set<String> load() {
        try (var in = DebugToolsCheck.class.getResourceAsStream("/org/iotb/firmware/data/debug-tools.txt")) {
            Set<String> out = new LinkedHashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                l = l.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
