package org.iotb.sbom.distro;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iotb.firmware.tree.FileTree;

/**
 * Where the root file systems of an unpacked image are. The unpacker writes each file system it finds under its
 * own directory ({@code image.extracted/970956-squashfs/}), so the package database and the release files of a real
 * image sit below the tree root, not at it: a directory is a root file system when it holds a package database
 * ({@code var/lib/dpkg/status}, {@code usr/lib/opkg/status}, {@code lib/apk/db/installed}) or a release file
 * ({@code etc/os-release}, {@code etc/openwrt_release} …). The tree root comes first when it is one.
 */
public final class RootFilesystems {
    /** Most root file systems read per image: a firmware holds one to a few. */
    static final int MAX = 8;
    private static final List<String> MARKERS = List.of("var/lib/dpkg/status", "usr/lib/opkg/status",
            "var/lib/opkg/status", "lib/apk/db/installed", "etc/os-release", "usr/lib/os-release",
            "etc/openwrt_release", "etc/debian_version", "etc/alpine-release");

    private RootFilesystems() {
    }

    /** Tree-relative directory prefixes, "" for the tree root, else ending in "/". */
    public static List<String> in(FileTree tree) {
        Set<String> out = new LinkedHashSet<>();
        List<String> nested = new ArrayList<>();
        for (var f : tree.files()) {
            for (String m : MARKERS) {
                if (f.path().equals(m)) {
                    out.add("");
                } else if (f.path().endsWith("/" + m)) {
                    nested.add(f.path().substring(0, f.path().length() - m.length()));
                }
            }
        }
        for (String n : nested) {
            if (out.size() >= MAX) {
                break;
            }
            out.add(n);
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return List.copyOf(out);
    }
}
