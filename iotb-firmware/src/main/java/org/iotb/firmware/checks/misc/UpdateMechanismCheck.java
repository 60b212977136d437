package org.iotb.firmware.checks.misc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;

/**
 * fw.update.mechanism (info): the update tooling in the image — opkg/usign, sysupgrade, RAUC, SWUpdate,
 * Mender, U-Boot env tools, vendor scripts — plus A/B slot and anti-rollback hints.
 */
public final class UpdateMechanismCheck implements FirmwareCheck {
    private static final Map<String, String> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put("opkg", "(^|/)bin/opkg$");
        TOOLS.put("usign", "(^|/)usign$");
        TOOLS.put("sysupgrade", "(^|/)sysupgrade$");
        TOOLS.put("rauc", "(^|/)(rauc|etc/rauc/system\\.conf)$");
        TOOLS.put("swupdate", "(^|/)(swupdate|swupdate\\.cfg)$");
        TOOLS.put("mender", "(^|/)(mender|mender-update|mender\\.conf)$");
        TOOLS.put("fw_setenv", "(^|/)(fw_setenv|fw_printenv|fw_env\\.config)$");
        TOOLS.put("vendor-script", "(^|/)[^/]*(upgrade|update|ota|flash)[^/]*\\.(sh|lua|cgi)$");
    }

    private static final Pattern AB = Pattern.compile("(?i)(bootslot|boot_slot|slot[._-]?[ab]\\b|rootfs[._-]?[ab]\\b|\\[slot\\.|"
            + "mender_boot_part|upgrade_available|altbootcmd|bootcount)");
    private static final Pattern ROLLBACK = Pattern.compile("(?i)(anti[-_ ]?rollback|rollback[-_]?(index|protect|version)|"
            + "min[-_]?version|security[-_]?version|-R\\s|--no-downgrad\\w*|downgrade)");

    @Override
    public String id() {
        return "fw.update.mechanism";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        Map<String, List<String>> found = tools(ctx);
        List<Evidence> ev = new ArrayList<>();
        found.forEach((tool, paths) -> ev.add(Evidence.file(paths.get(0)).withExcerpt(tool)));
        List<String> ab = new ArrayList<>();
        List<String> rollback = new ArrayList<>();
        for (var entry : found.entrySet()) {
            for (String path : entry.getValue()) {
                ctx.tree().resolve(path).filter(TreeFile::isText).ifPresent(f -> {
                    List<String> ls = ctx.tree().lines(f);
                    for (int i = 0; i < ls.size(); i++) {
                        if (AB.matcher(ls.get(i)).find() && ab.size() < 10) {
                            ab.add(f.path() + ":" + (i + 1));
                        }
                        if (ROLLBACK.matcher(ls.get(i)).find() && rollback.size() < 10) {
                            rollback.add(f.path() + ":" + (i + 1));
                        }
                    }
                });
            }
        }
        ctx.bootEnv().forEach((k, v) -> {
            if (AB.matcher(k + "=" + v).find() && ab.size() < 10) {
                ab.add("u-boot-env:" + k);
            }
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tools", found);
        data.put("abSlots", ab);
        data.put("antiRollback", rollback);
        String msg = found.isEmpty() ? "no update tooling recognised"
                : "update tooling: " + String.join(", ", found.keySet()) + (ab.isEmpty() ? "" : "; A/B slot hints")
                + (rollback.isEmpty() ? "" : "; anti-rollback hints");
        return List.of(Results.info(id(), msg, ev, data));
    }

    /** The update tools the tree holds, by name, with at most ten paths each (also read by FirmwareFactsExtractor). */
    public static Map<String, List<String>> tools(ScanContext ctx) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (var e : TOOLS.entrySet()) {
            Pattern p = Pattern.compile(e.getValue());
            List<String> paths = new ArrayList<>();
            for (TreeFile f : ctx.tree().files()) {
                if (p.matcher(f.path()).find()) {
                    paths.add(f.path());
                }
            }
            for (String l : ctx.tree().links().keySet()) {
                if (p.matcher(l).find()) {
                    paths.add(l);
                }
            }
            if (!paths.isEmpty()) {
                found.put(e.getKey(), paths.size() > 10 ? paths.subList(0, 10) : paths);
            }
        }
        return found;
    }
}
