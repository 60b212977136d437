package org.iotb.firmware.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;

/**
 * Reads OpenWrt UCI files for the switches of {@link ServiceRule.UciSwitch}: a service is switched on when the
 * option is true in a section of the right type and its init script is enabled, or when the image has no
 * rc.d to tell (an /etc fragment). An init script present without an rc.d link is disabled.
 */
final class UciSwitches {
    private static final Pattern CONFIG = Pattern.compile("^config\\s+['\"]?([\\w-]+)['\"]?.*");
    private static final Pattern OPTION = Pattern.compile("^option\\s+['\"]?([\\w-]+)['\"]?\\s+['\"]?([^'\"#\\s]*)['\"]?.*");

    /** Where a switch is on: the config file and line. */
    record Hit(String source, int line, String text) { }

    private UciSwitches() {
    }

    static List<Hit> on(FileTree tree, ServiceRule.UciSwitch sw) {
        List<Hit> out = new ArrayList<>();
        Optional<TreeFile> file = tree.resolve("etc/config/" + sw.config());
        if (file.isEmpty() || !initScriptMayRun(tree, sw.initScript())) {
            return out;
        }
        List<String> lines = tree.lines(file.get());
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            Matcher c = CONFIG.matcher(t);
            if (c.matches()) {
                section = c.group(1);
                continue;
            }
            Matcher o = OPTION.matcher(t);
            if (o.matches() && sw.section().equals(section) && sw.option().equals(o.group(1)) && isTrue(o.group(2))) {
                out.add(new Hit(file.get().path(), i + 1, t));
            }
        }
        return out;
    }

    static boolean isTrue(String v) {
        return v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("yes")
                || v.equalsIgnoreCase("enabled");
    }

    /** Enabled through an etc/rc.d/S??name link, or undecidable because the image has no rc.d entries. */
    private static boolean initScriptMayRun(FileTree tree, String script) {
        if (script == null) {
            return true;
        }
        String link = "etc/rc\\.d/S\\d*" + Pattern.quote(script);
        boolean rcd = false;
        for (String p : tree.links().keySet()) {
            if (p.startsWith("etc/rc.d/")) {
                rcd = true;
                if (p.matches(link)) {
                    return true;
                }
            }
        }
        for (TreeFile f : tree.files(f -> f.path().startsWith("etc/rc.d/"))) {
            rcd = true;
            if (f.path().matches(link)) {
                return true;
            }
        }
        return !rcd;
    }
}
