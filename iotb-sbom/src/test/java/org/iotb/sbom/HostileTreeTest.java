package org.iotb.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacker-made trees: loops, links out of the tree, endless printable runs, files over the read limit. */
class HostileTreeTest {
    @Test
    void symlinkLoopsAndLinksOutOfTheTreeAreNotFollowed(@TempDir Path tmp) throws IOException {
        Path outside = tmp.resolve("outside");
        TestTrees.write(outside.resolve("busybox"), "BusyBox v1.2.3 (host)");
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a/loop"), root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a/escape"), outside);
        Files.createSymbolicLink(root.resolve("a/busybox"), outside.resolve("busybox"));
        Sbom sbom = new SbomBuilder().build(root, SbomOptions.defaults());
        assertThat(sbom.components()).isEmpty();
    }

    @Test
    void endlessPrintableRunIsCutNotBuffered(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root);
        try (OutputStream out = Files.newOutputStream(root.resolve("blob.bin"))) {
            byte[] a = "A".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) { // 4 MiB without a single separator
                out.write(a);
            }
            out.write(0);
            out.write("BusyBox v1.36.1 (2023-05-18 00:00:00 UTC)".getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        }
        Sbom sbom = new SbomBuilder().build(root, SbomOptions.defaults());
        assertThat(sbom.components()).extracting(c -> c.id() + " " + c.version()).containsExactly("busybox 1.36.1");
    }

    @Test
    void readLimitIsHonouredAndReported(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root);
        byte[] head = TestTrees.fakeBinary(java.util.List.of("filler"));
        byte[] tail = "BusyBox v1.36.1 (late)".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[200_000];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(tail, 0, file, 150_000, tail.length);
        Files.write(root.resolve("busybox"), file);
        SbomOptions small = new SbomOptions(null, null, 100_000, 1000, 1 << 30, true, true);
        Sbom sbom = new SbomBuilder().build(root, small);
        assertThat(sbom.components()).isEmpty();
        assertThat(sbom.warnings()).anySatisfy(w -> assertThat(w).contains("only the first 100000"));
        assertThat(new SbomBuilder().build(root, SbomOptions.defaults()).components()).hasSize(1);
    }

    @Test
    void sha256OfAnImage(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("img");
        Files.writeString(f, "abc");
        assertThat(SbomBuilder.sha256(f)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        SbomOptions o = SbomOptions.forImage(f);
        assertThat(o.subjectName()).isEqualTo("img");
        assertThat(o.subjectSha256()).isEqualTo(SbomBuilder.sha256(f));
    }

    @Test
    void fileCountLimitStopsWithAWarning(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root);
        for (int i = 0; i < 30; i++) {
            Files.writeString(root.resolve("f" + i), "x");
        }
        SbomOptions few = new SbomOptions(null, null, 1 << 20, 10, 1 << 30, true, true);
        Sbom sbom = new SbomBuilder().build(root, few);
        assertThat(sbom.warnings()).anySatisfy(w -> assertThat(w).contains("more than 10 files"));
    }
}
