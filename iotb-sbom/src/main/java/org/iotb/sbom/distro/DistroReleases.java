package org.iotb.sbom.distro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Release numbers and code names ("bookworm" ↔ "12") and which distributions backport fixes: the data file
 * distro-releases.yaml.
 */
public final class DistroReleases {
    private record Table(Map<String, Map<String, String>> releases, java.util.List<String> backporting) {
    }

    private static final Table DATA = load();
    private static final Map<String, Map<String, String>> TABLE = DATA.releases();

    private DistroReleases() {
    }

    /** True if this distribution patches stable packages without changing the upstream version. */
    public static boolean backports(String family) {
        return DATA.backporting().contains(family);
    }

    private static Table load() {
        try (InputStream in = DistroReleases.class.getResourceAsStream("/org/iotb/sbom/distro-releases.yaml")) {
            return org.iotb.model.Json.yaml().readValue(in, Table.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String codenameOf(String family, String release) {
        Map<String, String> m = TABLE.get(family);
        if (m == null || release == null) {
            return null;
        }
        String major = release.contains(".") ? release.substring(0, release.indexOf('.')) : release;
        return m.get(major);
    }

    public static String releaseOf(String family, String codename) {
        Map<String, String> m = TABLE.get(family);
        if (m == null) {
            return null;
        }
        return m.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(codename)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
