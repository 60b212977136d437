package org.iotb.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.iotb.sbom.pkgdb.PackageRecord;
import org.iotb.sbom.scan.Signature;
import org.iotb.sbom.scan.SignatureSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second, offline ground truth: the ELF files of the machine's own installed Debian packages that contain
 * components iotb knows (dropbear, busybox, openssl, mosquitto, nginx … whatever is installed, e.g. by CI's
 * package list) are copied into a tree without the dpkg database; the versions read from the binaries must be
 * the versions dpkg says are installed. Skips on machines without dpkg.
 */
@Tag("integration")
class HostGroundTruthTest {
    private static final long MAX_FILE = 32L << 20;
    private static final long MAX_TOTAL = 400L << 20;

    @Test
    void binariesOfInstalledPackagesShowTheirPackageVersions(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-query")), "no dpkg on this machine: skipped");
        SignatureSet sigs = SignatureSet.bundled();
        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, String> mapped = new TreeMap<>(); // package -> component
        for (String line : run("dpkg-query", "-W", "-f", "${Package}\t${Version}\t${Source}\t${db:Status-Abbrev}\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 4 || !f[3].startsWith("ii")) {
                continue;
            }
            String source = f[2].isBlank() ? null : f[2].replaceAll("\\s*\\(.*\\)$", "");
            Signature sig = sigs.byPackage(f[0], source).orElse(null);
            if (sig != null && !sig.id().equals("linux-kernel")) {
                expected.computeIfAbsent(sig.id(), k -> new TreeSet<>()).add(PackageRecord.upstream(f[1]));
                mapped.put(f[0], sig.id());
            }
        }
        Path root = tmp.resolve("root");
        long total = 0;
        Map<String, Set<String>> shipped = new TreeMap<>();
        for (String pkg : mapped.keySet()) {
            for (String file : run("dpkg", "-L", pkg)) {
                Path src = Path.of(file);
                if (!Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS) || !isElf(src)) {
                    continue;
                }
                long size = Files.size(src);
                if (size > MAX_FILE || total + size > MAX_TOTAL) {
                    continue;
                }
                Path dst = root.resolve(file.substring(1));
                if (Files.exists(dst)) {
                    continue;
                }
                Files.createDirectories(dst.getParent());
                Files.copy(src, dst);
                total += size;
                shipped.computeIfAbsent(mapped.get(pkg), k -> new TreeSet<>());
            }
        }
        shipped.keySet().retainAll(expected.keySet());
        assumeTrue(shipped.size() >= 5, "fewer than 5 known components installed here: skipped");

        Sbom sbom = new SbomBuilder().build(root, SbomOptions.of("host", null).signaturesOnly());
        List<String> wrong = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Component c : sbom.components()) {
            Set<String> want = expected.get(c.id());
            if (want == null || !c.hasVersion()) {
                continue;
            }
            if (want.contains(c.version())) {
                found.add(c.id());
            } else {
                wrong.add(c.id() + " read " + c.version() + " (" + c.evidence().get(0).path() + ") but dpkg has " + want);
            }
        }
        List<String> missing = shipped.keySet().stream().filter(id -> !found.contains(id)).toList();
        String report = String.format("host ground truth (" + (total >> 20) + " MiB copied, " + sbom.stats() + "): %d components with ELF files installed, %d read with the "
                + "dpkg version, wrong %s, not read %s", shipped.size(), found.stream().distinct().count(), wrong, missing);
        System.out.println(report);
        assertThat(wrong).as(report).isEmpty();
    }

    private static boolean isElf(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out.lines().toList();
    }
}
