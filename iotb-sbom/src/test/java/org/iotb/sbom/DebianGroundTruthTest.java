package org.iotb.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iotb.sbom.pkgdb.PackageRecord;
import org.iotb.sbom.scan.Signature;
import org.iotb.sbom.scan.SignatureSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ground truth from real Debian packages: the binaries of ~50 Debian 12 armhf packages are unpacked into one
 * tree WITHOUT the dpkg status file, so only binary signatures can identify them. The versions iotb reads must
 * equal the upstream versions of the packages' control files: at least 90% of the shipped components found,
 * no wrong version, no component Debian did not ship. Packages are downloaded once into a cache that outlives
 * `mvn clean` and fresh clones (~/.cache/iotb/sbom-debian-fixture; skips when apt cannot download, e.g. offline CI).
 */
@Tag("integration")
class DebianGroundTruthTest {
    static final Path FIXTURE = Path.of(System.getProperty("user.home"), ".cache", "iotb", "sbom-debian-fixture");
    static final Path ROOT = FIXTURE.resolve("root");
    static final Path EXPECTED = FIXTURE.resolve("expected.tsv");

    @BeforeAll
    static void buildFixture() throws Exception {
        if (Files.isRegularFile(FIXTURE.resolve("done"))) {
            return;
        }
        assumeTrue(onPath("apt-get") && onPath("dpkg-deb"), "apt-get/dpkg-deb not installed: ground truth skipped");
        List<String> packages = packageList();
        Path lists = FIXTURE.resolve("lists");
        Path debs = FIXTURE.resolve("debs");
        Files.createDirectories(lists.resolve("partial"));
        Files.createDirectories(FIXTURE.resolve("cache/archives/partial"));
        Files.createDirectories(debs);
        Path status = FIXTURE.resolve("empty-status");
        Files.write(status, new byte[0]);
        List<String> opts = List.of("-oAPT::Architecture=armhf", "-oAPT::Architectures=armhf",
                "-oDir::State::Lists=" + lists.toAbsolutePath(), "-oDir::Cache=" + FIXTURE.resolve("cache").toAbsolutePath(),
                "-oDir::State::Status=" + status.toAbsolutePath());
        List<String> update = new ArrayList<>(List.of("apt-get"));
        update.addAll(opts);
        update.add("update");
        run(update, FIXTURE, 90);
        boolean haveIndex;
        try (Stream<Path> s = Files.list(lists)) {
            haveIndex = s.anyMatch(p -> p.getFileName().toString().contains("_main_binary-armhf_Packages"));
        }
        assumeTrue(haveIndex, "apt-get update could not fetch the Debian armhf index (offline?): skipped");
        List<String> download = new ArrayList<>(List.of("apt-get"));
        download.addAll(opts);
        download.add("download");
        download.addAll(packages);
        if (run(download, debs, 240) != 0) {
            // apt-get download stops at the first unknown package: fetch the rest one by one, within a deadline
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (String p : packages) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                List<String> one = new ArrayList<>(download.subList(0, download.size() - packages.size()));
                one.add(p);
                run(one, debs, 30);
            }
        }
        List<String> expected = new ArrayList<>();
        StringBuilder statusFile = new StringBuilder();
        Files.createDirectories(ROOT);
        try (Stream<Path> s = Files.list(debs)) {
            for (Path deb : s.filter(p -> p.toString().endsWith(".deb")).sorted().toList()) {
                assumeTrue(run(List.of("dpkg-deb", "-x", deb.toAbsolutePath().toString(), ROOT.toAbsolutePath().toString()),
                        FIXTURE, 120) == 0, "dpkg-deb -x failed on " + deb);
                String pkg = output(List.of("dpkg-deb", "-f", deb.toAbsolutePath().toString(), "Package")).trim();
                String ver = output(List.of("dpkg-deb", "-f", deb.toAbsolutePath().toString(), "Version")).trim();
                String src = output(List.of("dpkg-deb", "-f", deb.toAbsolutePath().toString(), "Source")).trim();
                expected.add(pkg + "\t" + ver + "\t" + src);
                // a dpkg status record as dpkg would write it after installing this package
                String control = output(List.of("dpkg-deb", "-f", deb.toAbsolutePath().toString())).strip();
                statusFile.append("Package: ").append(pkg).append("\nStatus: install ok installed\n")
                        .append(control.replaceFirst("(?m)^Package: .*\n", "")).append("\n\n");
            }
        }
        assumeTrue(expected.size() >= packages.size() * 8 / 10,
                "only " + expected.size() + " of " + packages.size() + " packages could be downloaded: skipped");
        Files.write(EXPECTED, expected, StandardCharsets.UTF_8);
        Files.writeString(FIXTURE.resolve("dpkg-status"), statusFile.toString(), StandardCharsets.UTF_8);
        Files.write(FIXTURE.resolve("done"), new byte[0]);
    }

    @Test
    void versionsFromBinariesEqualTheControlFiles() throws IOException {
        assumeTrue(Files.isRegularFile(EXPECTED), "ground-truth fixture not available");
        assertThat(ROOT.resolve("var/lib/dpkg/status")).doesNotExist();
        SignatureSet sigs = SignatureSet.bundled();
        // component id -> upstream versions Debian ships (several packages may build one component)
        Map<String, Set<String>> shipped = new TreeMap<>();
        for (String line : Files.readAllLines(EXPECTED)) {
            String[] f = line.split("\t", -1);
            String source = f.length > 2 && !f[2].isBlank() ? f[2].replaceAll("\\s*\\(.*\\)$", "") : null;
            Signature sig = sigs.byPackage(f[0], source).orElse(null);
            if (sig != null) {
                shipped.computeIfAbsent(sig.id(), k -> new TreeSet<>()).add(PackageRecord.upstream(f[1]));
            }
        }
        Sbom sbom = new SbomBuilder().build(ROOT, SbomOptions.of("debian12-armhf", null).signaturesOnly());

        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> unversioned = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : shipped.entrySet()) {
            List<Component> cs = sbom.components().stream().filter(c -> c.id().equals(e.getKey())).toList();
            if (cs.isEmpty()) {
                missing.add(e.getKey() + " " + e.getValue());
                continue;
            }
            found.add(e.getKey());
            for (Component c : cs) {
                if (!c.hasVersion()) {
                    unversioned.add(c.id());
                } else if (!e.getValue().contains(c.version())) {
                    wrong.add(c.id() + " read " + c.version() + " but Debian ships " + e.getValue());
                }
            }
        }
        List<String> unexpected = sbom.components().stream().map(Component::id)
                .filter(id -> !shipped.containsKey(id)).distinct().toList();
        double recall = (double) found.size() / shipped.size();
        String report = String.format("Debian 12 armhf ground truth: %d components shipped, %d found (recall %.1f%%),"
                        + " %d found without version %s, %d wrong versions %s, missing %s, unexpected %s, %s",
                shipped.size(), found.size(), 100 * recall, unversioned.size(), unversioned, wrong.size(), wrong,
                missing, unexpected, sbom.stats());
        System.out.println(report);
        Files.writeString(FIXTURE.resolve("report.txt"), report + "\n");

        assertThat(shipped.size()).as("components in the fixture").isGreaterThanOrEqualTo(35);
        assertThat(wrong).as("wrong versions").isEmpty();
        assertThat(unexpected).as("components Debian did not ship").isEmpty();
        assertThat(recall).as(report).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void dpkgStatusOfTheSamePackagesGivesTheSameVersions(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        assumeTrue(Files.isRegularFile(FIXTURE.resolve("dpkg-status")), "ground-truth fixture not available");
        Path tree = tmp.resolve("root");
        Files.createDirectories(tree.resolve("var/lib/dpkg"));
        Files.copy(FIXTURE.resolve("dpkg-status"), tree.resolve("var/lib/dpkg/status"));
        Sbom sbom = new SbomBuilder().build(tree, SbomOptions.defaults().packageDatabasesOnly());
        SignatureSet sigs = SignatureSet.bundled();
        int checked = 0;
        for (String line : Files.readAllLines(EXPECTED)) {
            String[] f = line.split("\t", -1);
            String source = f.length > 2 && !f[2].isBlank() ? f[2].replaceAll("\\s*\\(.*\\)$", "") : null;
            String id = sigs.byPackage(f[0], source).map(Signature::id).orElse("pkg:" + f[0]);
            String upstream = PackageRecord.upstream(f[1]);
            assertThat(sbom.components()).as(f[0]).anySatisfy(c -> {
                assertThat(c.id()).isEqualTo(id);
                assertThat(c.version()).isEqualTo(upstream);
                assertThat(c.source()).isEqualTo(ComponentSource.PACKAGE_DB);
                assertThat(c.evidence()).anySatisfy(e -> assertThat(e.excerpt()).contains(f[0]));
            });
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(40);
    }

    private static List<String> packageList() throws IOException {
        try (var in = DebianGroundTruthTest.class.getResourceAsStream("/org/iotb/sbom/debian-packages.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static int run(List<String> cmd, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String output(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
