package org.iotb.firmware.checks.cred;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;

/**
 * The accounts of an image: every passwd/shadow file (including backups like shadow.bak or passwd-) that
 * really has the colon-separated layout. Shells come from the passwd file in the same directory.
 */
public final class AccountFiles {
    private AccountFiles() {
    }

    static boolean isAccountFile(TreeFile f) {
        String n = f.name();
        return f.isText() && f.size() < 1_000_000 && (n.equals("passwd") || n.equals("shadow")
                || n.matches("(passwd|shadow)([-.~].*)?"));
    }

    public static List<TreeFile> files(FileTree tree) {
        return tree.files(AccountFiles::isAccountFile);
    }

    public static List<Account> read(FileTree tree) {
        Map<String, String> shells = new HashMap<>();
        List<Account> out = new ArrayList<>();
        List<TreeFile> files = files(tree);
        for (TreeFile f : files) {
            if (f.name().startsWith("passwd")) {
                for (String l : tree.lines(f)) {
                    String[] p = l.split(":", -1);
                    if (p.length >= 7) {
                        shells.putIfAbsent(dir(f) + p[0], p[6].strip());
                    }
                }
            }
        }
        for (TreeFile f : files) {
            boolean shadow = f.name().startsWith("shadow");
            List<String> lines = tree.lines(f);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] p = l.split(":", -1);
                if (p.length < (shadow ? 2 : 7) || p[0].isEmpty() || p[0].startsWith("+") || p[0].startsWith("-")) {
                    continue;
                }
                String shell = shadow ? shells.get(dir(f) + p[0]) : p[6].strip();
                out.add(new Account(f.path(), i + 1, p[0], p[1].strip(), shell, shadow));
            }
        }
        return out;
    }

    private static String dir(TreeFile f) {
        int slash = f.path().lastIndexOf('/');
        return slash < 0 ? "" : f.path().substring(0, slash + 1);
    }

    /** A shell that gives an interactive login (not nologin/false/sync…). */
    public static boolean loginShell(String shell) {
        if (shell == null || shell.isEmpty()) {
            return true; // empty shell field means /bin/sh
        }
        return !(shell.endsWith("nologin") || shell.endsWith("/false") || shell.endsWith("/sync")
                || shell.endsWith("/halt") || shell.endsWith("/shutdown"));
    }
}
