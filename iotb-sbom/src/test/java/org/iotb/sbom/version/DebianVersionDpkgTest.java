package org.iotb.sbom.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link DebianVersion} against {@code dpkg --compare-versions} on every pair of a list of real and tricky versions
 * (revisions, epochs, tildes, +b binNMUs, ~bpo backports, Alpine -r and OpenWrt revisions). Integration: it starts
 * dpkg about 4000 times; skipped where dpkg is not installed.
 */
@Tag("integration")
class DebianVersionDpkgTest {
    private static final List<String> VERSIONS = DebianVersionTest.VERSIONS;

    @Test
    void agreesWithDpkgOnEveryPair() throws Exception {
        assumeTrue(onPath("dpkg"), "dpkg not installed: comparison with Debian's own tool skipped");
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (String a : VERSIONS) {
            for (String b : VERSIONS) {
                if (a.isEmpty() || b.isEmpty() || !a.matches("^[0-9].*|.*:.*") || !b.matches("^[0-9].*|.*:.*")) {
                    continue; // dpkg refuses versions not starting with a digit (it warns and still answers)
                }
                int mine = Integer.signum(DebianVersion.compare(a, b));
                int dpkg = dpkgLessThan(a, b) ? -1 : dpkgLessThan(b, a) ? 1 : 0;
                compared++;
                if (mine != dpkg) {
                    disagreements.add(a + " vs " + b + ": dpkg " + dpkg + ", ours " + mine);
                }
            }
        }
        assertThat(compared).isGreaterThan(1500);
        assertThat(disagreements).isEmpty();
    }

    private static boolean dpkgLessThan(String a, String b) throws Exception {
        Process p = new ProcessBuilder("dpkg", "--compare-versions", a, "lt", b).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
