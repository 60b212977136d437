package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.iotb.unpack.manifest.EntryType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Crafted hostile images through the whole engine: nothing outside DIR, no crash, no hang, a warning. */
class HostileArchiveTest {
    @TempDir
    Path tmp;
    Path out;
    Path sentinel;

    @BeforeEach
    void setUp() throws IOException {
        out = tmp.resolve("sandbox/out");
        sentinel = Files.createDirectories(tmp.resolve("sandbox/victim"));
    }

    /** Only out/ may have gained files in the sandbox. */
    private void assertNothingEscaped() throws IOException {
        assertThat(sentinel).isEmptyDirectory();
        try (Stream<Path> s = Files.list(tmp.resolve("sandbox"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", "victim");
        }
    }

    @Test
    void zipSlip() throws IOException {
        Path zip = tmp.resolve("slip.zip");
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(zip.toFile())) {
            for (String name : new String[] {"../victim/evil.txt", "../../../../../../../tmp/evil.txt",
                "/abs/evil.txt", "ok/good.txt", "..\\..\\victim\\win.txt"}) {
                z.putArchiveEntry(new ZipArchiveEntry(name));
                z.write(name.getBytes(StandardCharsets.UTF_8));
                z.closeArchiveEntry();
            }
            ZipArchiveEntry link = new ZipArchiveEntry("ok/escape");
            link.setUnixMode(0120777);
            z.putArchiveEntry(link);
            z.write("../../../victim".getBytes(StandardCharsets.UTF_8));
            z.closeArchiveEntry();
        }
        UnpackResult r = Fixtures.unpack(zip, out);
        assertNothingEscaped();
        assertThat(r.entries()).extracting(e -> e.path().replaceFirst("^.*/0-zip/", ""))
                .contains("ok/good.txt", "abs/evil.txt", "ok/escape")
                .noneMatch(p -> p.contains("evil.txt") && !p.equals("abs/evil.txt"));
        assertThat(r.warnings()).filteredOn(w -> w.contains("'..'")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(r.warnings()).anyMatch(w -> w.contains("points outside its tree"));
    }

    @Test
    void tarSymlinkThenFileThroughIt() throws IOException {
        Path tar = tmp.resolve("through.tar");
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            TarArchiveEntry l = new TarArchiveEntry("victimdir", TarArchiveEntry.LF_SYMLINK);
            l.setLinkName(sentinel.toString());
            t.putArchiveEntry(l);
            t.closeArchiveEntry();
            TarArchiveEntry up = new TarArchiveEntry("up", TarArchiveEntry.LF_SYMLINK);
            up.setLinkName("../../../../victim");
            t.putArchiveEntry(up);
            t.closeArchiveEntry();
            for (String name : new String[] {"victimdir/pwned", "up/pwned"}) {
                TarArchiveEntry f = new TarArchiveEntry(name);
                f.setSize(5);
                t.putArchiveEntry(f);
                t.write("pwned".getBytes(StandardCharsets.UTF_8));
                t.closeArchiveEntry();
            }
            TarArchiveEntry hl = new TarArchiveEntry("hard", TarArchiveEntry.LF_LINK);
            hl.setLinkName("/etc/shadow");
            t.putArchiveEntry(hl);
            t.closeArchiveEntry();
        }
        UnpackResult r = Fixtures.unpack(tar, out);
        assertNothingEscaped();
        assertThat(r.entries()).noneMatch(e -> e.path().endsWith("pwned"));
        assertThat(r.entries()).filteredOn(e -> e.type() == EntryType.HARDLINK).singleElement()
                .satisfies(e -> assertThat(e.linkCreated()).isFalse());
        assertThat(r.warnings()).anyMatch(w -> w.contains("through the symlink"));
    }

    @Test
    void gzipBombIsCutByTheRatioLimit() throws IOException {
        Path bomb = tmp.resolve("bomb.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                o.write(zeros);
            }
        }
        UnpackOptions opts = UnpackOptions.builder().maxRatio(100).ratioFloorBytes(1 << 20).build();
        long ratioCap = Math.max(1 << 20, 100 * Files.size(bomb));
        UnpackResult r = new Unpacker().unpack(bomb, out, opts);
        assertThat(r.entries()).singleElement().satisfies(e -> {
            assertThat(e.size()).isEqualTo(ratioCap);
            assertThat(e.truncated()).isTrue();
        });
        assertThat(r.warnings()).anyMatch(w -> w.contains("compression-ratio limit"));
    }

    @Test
    void totalBytesLimitStopsTheRun() throws IOException {
        Path tar = tmp.resolve("many.tar");
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            byte[] data = new byte[100_000];
            for (int i = 0; i < 50; i++) {
                TarArchiveEntry f = new TarArchiveEntry("f" + i);
                f.setSize(data.length);
                t.putArchiveEntry(f);
                t.write(data);
                t.closeArchiveEntry();
            }
        }
        UnpackResult r = new Unpacker().unpack(tar, out, UnpackOptions.builder().maxTotalBytes(1_000_000).build());
        assertThat(r.manifest().stats().get("bytesWritten")).isEqualTo(1_000_000L);
        assertThat(r.manifest().stats().get("stoppedBy").toString()).contains("total-bytes limit");
        assertThat(r.warnings()).anyMatch(w -> w.contains("partial"));
    }

    @Test
    void nestingDeeperThanTheLimitStopsWithAWarning() throws IOException {
        byte[] data = "innermost".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 12; i++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(b)) {
                g.write(data);
                g.write(new byte[i]); // keeps every level's bytes distinct
            }
            data = b.toByteArray();
        }
        Path nested = tmp.resolve("nested.gz");
        Files.write(nested, data);
        UnpackResult r = new Unpacker().unpack(nested, out, UnpackOptions.builder().maxDepth(5).build());
        assertThat(r.containers()).hasSize(5);
        assertThat(r.warnings()).anyMatch(w -> w.contains("depth limit of 5"));
        assertThat(r.entries()).allMatch(e -> e.provenance().size() <= 5);
    }

    @Test
    @Tag("integration")
    void aContainerHoldingItselfIsNotUnpackedForever() throws Exception {
        Fixtures.requireTool("dtc", "device-tree-compiler");
        // a FIT whose one image is the whole FIT file (data-position 0, data-size = file size): a real quine
        String its = "/dts-v1/;\n/ { description = \"self\"; images { self { data-position = <0>; data-size = <%d>; }; }; };\n";
        Files.writeString(tmp.resolve("q.dts"), String.format(its, 0));
        Fixtures.sh(tmp, "dtc -q -I dts -O dtb -o q0.dtb q.dts");
        long size = Files.size(tmp.resolve("q0.dtb"));
        Files.writeString(tmp.resolve("q.dts"), String.format(its, size));
        Fixtures.sh(tmp, "dtc -q -I dts -O dtb -o quine.itb q.dts");
        assertThat(Files.size(tmp.resolve("quine.itb"))).isEqualTo(size);
        UnpackResult r = Fixtures.unpack(tmp.resolve("quine.itb"), out);
        assertThat(r.containers()).hasSize(1);
        assertThat(r.warnings()).anyMatch(w -> w.contains("loop"));
    }

    @Test
    void timeoutGivesAPartialResult() throws IOException {
        Path f = tmp.resolve("zeros.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write(new byte[1 << 20]);
        }
        UnpackResult r = new Unpacker().unpack(f, out, UnpackOptions.builder().timeout(Duration.ofNanos(1)).build());
        assertThat(r.warnings()).anyMatch(w -> w.contains("time limit"));
        assertThat(r.manifestFile()).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar", "zip", "gz", "xz", "cpio", "7z", "bz2"})
    @Tag("integration")
    void truncatedArchivesGivePartialResults(String kind) throws Exception {
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        String make = switch (kind) {
            case "tar" -> "tar -cf ../a .";
            case "zip" -> "zip -qry ../a.zip . && mv ../a.zip ../a";
            case "gz" -> "tar -czf ../a .";
            case "xz" -> "tar -cJf ../a .";
            case "bz2" -> "tar -cjf ../a .";
            case "cpio" -> "find . | cpio --quiet -o -H newc > ../a";
            default -> "rm bin/sh usr/lib/up && 7z a -bd -bso0 -t7z ../a.7z . && mv ../a.7z ../a";
        };
        Fixtures.requireTool(kind.equals("7z") ? "7z" : kind.equals("zip") ? "zip" : "tar", kind);
        Fixtures.sh(src, make);
        byte[] whole = Files.readAllBytes(tmp.resolve("a"));
        for (int cut : new int[] {whole.length / 2, whole.length - 7, 700}) {
            Path t = tmp.resolve("cut-" + cut);
            Files.write(t, Arrays.copyOf(whole, Math.min(cut, whole.length)));
            UnpackResult r = Fixtures.unpack(t, tmp.resolve("sandbox/out/" + cut));
            assertThat(r.manifestFile()).exists();
            if (cut == whole.length / 2 && !kind.equals("7z") && !kind.equals("bz2")) {
                // 7z keeps its directory at the end and bzip2 decodes whole 900 kB blocks (this archive is one
                // block): nothing before such a cut is recoverable. Every other format yields what precedes it.
                assertThat(r.entries()).as("%s cut at %d", kind, cut).isNotEmpty();
            }
        }
        assertNothingEscaped();
    }

    @ParameterizedTest
    @ValueSource(strings = {"find . | cpio --quiet -o -H newc > ../d.img", "tar -cf ../d.img ."})
    @Tag("integration")
    void deviceNodesAndFifosAreRecordedNeverCreated(String make) throws Exception {
        Fixtures.requireTool("cpio", "cpio");
        Path src = Files.createDirectories(tmp.resolve("src/dev"));
        Process p = new ProcessBuilder("sh", "-c", "mknod console c 5 1 && mknod sda b 8 0 && mkfifo fifo")
                .directory(src.toFile()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mknod needs root; test skipped");
        Fixtures.sh(src.getParent(), make);
        UnpackResult r = Fixtures.unpack(tmp.resolve("d.img"), out);
        assertThat(r.entries()).filteredOn(e -> e.path().contains("/dev/"))
                .extracting(e -> e.path().replaceFirst("^.*/dev/", ""), e -> e.type(), e -> e.major(), e -> e.minor())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("console", EntryType.CHAR_DEVICE, 5, 1),
                        org.assertj.core.groups.Tuple.tuple("sda", EntryType.BLOCK_DEVICE, 8, 0),
                        org.assertj.core.groups.Tuple.tuple("fifo", EntryType.FIFO, null, null));
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.filter(x -> !Files.isRegularFile(x, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(x, java.nio.file.LinkOption.NOFOLLOW_LINKS))).isEmpty();
        }
    }

    @Test
    @Tag("integration")
    void theSampleTraversalTarStaysInside() throws IOException {
        Path tar = Fixtures.samples().resolve("malicious/tar_dirtraversal.tar");
        UnpackResult r = Fixtures.unpack(tar, out);
        assertNothingEscaped();
        Path root = r.extractedRoot().toRealPath();
        for (var e : r.entries()) {
            if (e.type() == EntryType.SYMLINK && Boolean.TRUE.equals(e.linkCreated())) {
                Path p = r.pathOf(e);
                Path target = p.getParent().toRealPath().resolve(Files.readSymbolicLink(p)).normalize();
                assertThat(target).as("link %s", p).startsWithRaw(root);
            }
        }
        assertThat(r.entries()).anyMatch(e -> e.path().endsWith("/foo") && Boolean.FALSE.equals(e.linkCreated()));
    }
}
