package org.iotb.sbom.distro;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which distribution an unpacked tree is, from the files distributions write for that purpose:
 * {@code etc/os-release} (or {@code usr/lib/os-release}), {@code etc/debian_version}, {@code etc/openwrt_release},
 * {@code etc/alpine-release}. Debian-family releases are reduced to their major number ("12.4" → "12"), the
 * granularity of Debian's advisories. Links are not followed (a link may point out of the tree).
 */
public final class DistroDetector {
    private static final long MAX_BYTES = 64 * 1024;

    private DistroDetector() {
    }

    public static Optional<Distro> detect(Path root) {
        Map<String, String> os = keyValues(root, "etc/os-release");
        if (os.isEmpty()) {
            os = keyValues(root, "usr/lib/os-release");
        }
        Map<String, String> openwrt = keyValues(root, "etc/openwrt_release");
        if (!openwrt.isEmpty()) {
            String release = openwrt.get("DISTRIB_RELEASE");
            return Optional.of(new Distro("openwrt", release, null));
        }
        String id = os.get("ID");
        if (id != null && !id.isBlank()) {
            String release = os.get("VERSION_ID");
            String codename = os.get("VERSION_CODENAME");
            if (id.equals("debian") && release != null && release.contains(".")) {
                release = release.substring(0, release.indexOf('.'));
            }
            if (id.equals("alpine") && release != null) {
                release = majorMinor(release); // Alpine advisories are per branch, v3.18
            }
            if (id.equals("debian") && release == null) {
                release = debianVersionFile(root); // testing/sid have no VERSION_ID
            }
            return Optional.of(new Distro(id, release, codename == null || codename.isBlank() ? null : codename));
        }
        String debian = debianVersionFile(root);
        if (debian != null || Files.isRegularFile(root.resolve("etc/debian_version"), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new Distro("debian", debian, null));
        }
        String alpine = firstLine(root, "etc/alpine-release");
        if (alpine != null) {
            return Optional.of(new Distro("alpine", majorMinor(alpine), null));
        }
        return Optional.empty();
    }

    /** "12.4" → "12"; "bookworm/sid" → null (a testing system has no release number). */
    private static String debianVersionFile(Path root) {
        String v = firstLine(root, "etc/debian_version");
        if (v == null || !v.matches("\\d+(\\.\\d+)*")) {
            return null;
        }
        return v.contains(".") ? v.substring(0, v.indexOf('.')) : v;
    }

    private static String majorMinor(String v) {
        String[] p = v.trim().split("\\.");
        return p.length >= 2 ? p[0] + "." + p[1] : v.trim();
    }

    private static String firstLine(Path root, String rel) {
        String text = read(root, rel);
        if (text == null) {
            return null;
        }
        String line = text.lines().findFirst().orElse("").trim();
        return line.isEmpty() ? null : line;
    }

    /** os-release style KEY=value or KEY='value' lines. */
    static Map<String, String> keyValues(Path root, String rel) {
        Map<String, String> m = new LinkedHashMap<>();
        String text = read(root, rel);
        if (text == null) {
            return m;
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("#")) {
                continue;
            }
            String v = line.substring(eq + 1).trim();
            if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
                v = v.substring(1, v.length() - 1);
            }
            m.put(line.substring(0, eq).trim(), v);
        }
        return m;
    }

    private static String read(Path root, String rel) {
        Path f = root.resolve(rel);
        if (!f.normalize().startsWith(root.normalize()) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(f)) {
            return new String(in.readNBytes((int) MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
