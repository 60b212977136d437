package org.iotb.firmware.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.iotb.firmware.support.TestInputs;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Differential test: our reading of every binary of a multi-architecture set (real Debian armhf, arm64, mipsel,
 * mips64el, i386, armel binaries + the shared router samples) must equal Debian's checksec, field by field.
 * Every disagreement is printed before the assertion.
 */
@Tag("integration")
class ChecksecAgreementTest {

    @Test
    void agreesWithChecksecOnDebianBinariesOfSixArchitectures() throws Exception {
        TestInputs.requireTools("checksec", "readelf", "file");
        Path cache = TestInputs.debianBinaries();
        Path set = Path.of("target/checksec-set");
        int copied = 0;
        for (String arch : List.of("armhf", "arm64", "mipsel", "i386", "mips64el", "armel")) {
            Path root = cache.resolve(arch).resolve("root");
            if (!Files.isDirectory(root)) {
                continue;
            }
            copied += copySelection(root, set.resolve(arch));
        }
        assertThat(copied).as("binaries in the differential set").isGreaterThan(60);
        Map<String, List<String>> report = compare(set);
        assertThat(report.get("disagreements")).as("disagreements with checksec").isEmpty();
        assertThat(report.get("compared").size()).isGreaterThan(60);
    }

    @Test
    void agreesWithChecksecOnSharedRouterSamples() throws Exception {
        TestInputs.requireTools("checksec", "readelf", "file");
        Path elf = TestInputs.samples().resolve("elf");
        Map<String, List<String>> report = compare(elf);
        assertThat(report.get("disagreements")).as("disagreements with checksec").isEmpty();
        assertThat(report.get("compared").size()).isGreaterThan(15);
    }

    /** Executables and the libraries a firmware keeps: bin/sbin dirs, libc, ld.so, libcurl, libssl, libcrypto. */
    private static int copySelection(Path root, Path dest) throws IOException {
        Files.createDirectories(dest);
        int n = 0;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String rel = root.relativize(p).toString();
                String name = p.getFileName().toString();
                boolean pick = rel.matches("(usr/)?s?bin/.*") || name.startsWith("libc.so") || name.startsWith("ld-")
                        || name.startsWith("libcurl") || name.startsWith("libssl") || name.startsWith("libcrypto")
                        || name.startsWith("libm.so") || name.startsWith("libresolv");
                if (pick) {
                    Files.copy(p, dest.resolve(rel.replace('/', '_')), StandardCopyOption.REPLACE_EXISTING);
                    n++;
                }
            }
        }
        return n;
    }

    private static Map<String, List<String>> compare(Path dir) throws Exception {
        String csv = TestInputs.run(List.of("checksec", "--format=csv", "--dir=" + dir), 600);
        Map<String, String[]> theirs = new TreeMap<>();
        for (String line : csv.split("\n")) {
            String[] f = line.split(",");
            if (f.length >= 11) {
                theirs.put(Path.of(f[10]).normalize().toString(), f);
            }
        }
        FileTree tree = FileTree.index(dir);
        List<String> disagreements = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        for (TreeFile f : tree.ofKind(FileKind.ELF)) {
            String key = dir.resolve(f.path()).normalize().toString();
            String[] cs = theirs.get(key);
            if (cs == null) {
                disagreements.add(f.path() + ": checksec did not report it");
                continue;
            }
            ChecksecView ours = ChecksecView.of(ElfIndex.map(f));
            compared.add(f.path());
            diff(disagreements, f.path(), "relro", ours.relro(), switch (cs[0]) {
                case "Full RELRO" -> "full";
                case "Partial RELRO" -> "partial";
                default -> "no";
            });
            diff(disagreements, f.path(), "canary", ours.canary(), cs[1].equals("Canary found") ? "yes" : "no");
            diff(disagreements, f.path(), "nx", ours.nx(), cs[2].equals("NX enabled") ? "yes" : "no");
            diff(disagreements, f.path(), "pie", ours.pie(), switch (cs[3]) {
                case "PIE enabled" -> "yes";
                case "No PIE" -> "no";
                case "DSO" -> "dso";
                case "REL" -> "rel";
                default -> cs[3];
            });
            diff(disagreements, f.path(), "rpath", ours.rpath(), cs[4].equals("RPATH") ? "yes" : "no");
            diff(disagreements, f.path(), "runpath", ours.runpath(), cs[5].equals("RUNPATH") ? "yes" : "no");
            diff(disagreements, f.path(), "symbols", ours.symbols(), cs[6].equals("Symbols") ? "yes" : "no");
            diff(disagreements, f.path(), "fortify", ours.fortifySource(), cs[7].equals("Yes") ? "yes" : "no");
        }
        for (String d : disagreements) {
            System.out.println("CHECKSEC DISAGREEMENT " + d);
        }
        System.out.println("checksec differential over " + dir + ": " + compared.size() + " binaries compared, "
                + disagreements.size() + " disagreement(s)");
        return Map.of("disagreements", disagreements, "compared", compared);
    }

    private static void diff(List<String> out, String path, String field, String ours, String theirs) {
        if (!ours.equals(theirs)) {
            out.add(path + ": " + field + " iotb=" + ours + " checksec=" + theirs);
        }
    }
}
