package org.iotb.unpack.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.manifest.EntryType;
import org.iotb.unpack.manifest.ManifestEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single write gate under attack: every hostile name or link must stay inside the container root. */
class SafeSinkTest {
    @TempDir
    Path tmp;
    Path outside;
    Path root;
    Warnings warnings;

    @BeforeEach
    void setUp() throws IOException {
        outside = Files.createDirectories(tmp.resolve("outside"));
        root = Files.createDirectories(tmp.resolve("out/c"));
        warnings = new Warnings();
    }

    private SafeSink sink(UnpackOptions o, long inputLength) {
        return new SafeSink(root, "c", List.of(), new Budget(o), warnings, "test", inputLength);
    }

    private SafeSink sink() {
        return sink(UnpackOptions.defaults(), 1 << 20);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Nothing exists anywhere under tmp except below out/c. */
    private void assertNothingOutsideRoot() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            assertThat(s.filter(p -> !p.startsWith(root) && !p.equals(tmp) && !p.equals(outside)
                    && !p.equals(tmp.resolve("out")))).isEmpty();
        }
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void absolutePathsBecomeRelative() throws IOException {
        SafeSink s = sink();
        assertThat(s.file("/etc/passwd", 0644, 0, text("x"))).isTrue();
        assertThat(root.resolve("etc/passwd")).hasContent("x");
        assertThat(s.entries()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("c/etc/passwd");
            assertThat(e.originalPath()).isEqualTo("/etc/passwd");
        });
        assertNothingOutsideRoot();
    }

    @Test
    void dotDotIsRefusedWherever() throws IOException {
        SafeSink s = sink();
        for (String evil : new String[] {"../x", "a/../../x", "../../../../../../tmp/evil", "a/b/../../../x", ".."}) {
            assertThat(s.file(evil, 0644, 0, text("evil"))).as(evil).isFalse();
        }
        s.directory("../d", 0755, 0);
        s.symlink("../l", "x", 0777);
        assertThat(s.entries()).isEmpty();
        assertThat(warnings.list()).hasSize(7).allMatch(w -> w.contains("'..'"));
        assertNothingOutsideRoot();
    }

    @Test
    void controlCharactersAndNulAreReplaced() throws IOException {
        SafeSink s = sink();
        s.file("bad\u0000name\n\u001b[31m", 0644, 0, text("x"));
        s.file("back\\slash", 0644, 0, text("y"));
        assertThat(root.resolve("bad_name__[31m")).hasContent("x");
        assertThat(root.resolve("back_slash")).hasContent("y");
    }

    @Test
    void overlongNamesAreShortenedNotFailed() throws IOException {
        SafeSink s = sink();
        String longName = "a".repeat(300);
        assertThat(s.file(longName + "/f", 0644, 0, text("x"))).isTrue();
        assertThat(s.entries()).singleElement().extracting(ManifestEntry::path).asString()
                .startsWith("c/" + "a".repeat(200) + "~").endsWith("/f");
    }

    @Test
    void nothingIsWrittenThroughASymlink() throws IOException {
        SafeSink s = sink();
        s.symlink("etc", "/etc", 0777);          // re-rooted: points at c/etc, inside
        s.symlink("out", outside.toString(), 0777);
        s.symlink("up", "../../outside", 0777);   // escapes: recorded only
        assertThat(s.file("etc/passwd", 0644, 0, text("pwned"))).isFalse();
        assertThat(s.file("out/x", 0644, 0, text("pwned"))).isFalse();
        assertThat(s.file("up/x", 0644, 0, text("pwned"))).isFalse();
        s.directory("etc/sub", 0755, 0);
        assertNothingOutsideRoot();
        assertThat(Files.isSymbolicLink(root.resolve("etc"))).isTrue();
        assertThat(Files.readSymbolicLink(root.resolve("etc"))).hasToString("etc"); // /etc re-rooted: c/etc itself
        assertThat(Files.exists(root.resolve("up"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(s.entries()).filteredOn(e -> e.path().equals("c/up")).singleElement()
                .satisfies(e -> assertThat(e.linkCreated()).isFalse());
    }

    @Test
    void symlinkChainsCannotClimbOut() throws IOException {
        SafeSink s = sink();
        s.directory("a/b", 0755, 0);
        s.symlink("a/b/l1", "..", 0777);          // -> a
        s.symlink("a/l2", "b/l1/..", 0777);      // ".." after a name: refused
        s.symlink("a/l3", "../../..", 0777);     // above the root: refused
        s.symlink("l4", "a/b/l1", 0777);         // fine, stays inside
        assertThat(Files.isSymbolicLink(root.resolve("a/b/l1"))).isTrue();
        assertThat(Files.exists(root.resolve("a/l2"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(root.resolve("a/l3"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(root.resolve("l4").toRealPath()).startsWith(root.toRealPath());
        assertThat(s.file("l4/x", 0644, 0, text("no"))).isFalse();
        assertNothingOutsideRoot();
    }

    @Test
    void duplicateNamesReplaceFilesAndLinksButNeverFollowThem() throws IOException {
        SafeSink s = sink();
        s.file("f", 0644, 0, text("one"));
        s.file("f", 0644, 0, text("two"));
        assertThat(root.resolve("f")).hasContent("two");
        s.symlink("g", "f", 0777);
        s.file("g", 0644, 0, text("three"));   // replaces the link itself, f is untouched
        assertThat(root.resolve("f")).hasContent("two");
        assertThat(Files.isSymbolicLink(root.resolve("g"))).isFalse();
        assertThat(root.resolve("g")).hasContent("three");
        s.directory("d", 0755, 0);
        assertThat(s.file("d", 0644, 0, text("x"))).isFalse();
        assertThat(s.entries()).extracting(ManifestEntry::path).containsExactly("c/f", "c/g", "c/d");
    }

    @Test
    void hardLinksAndDevicesAreRecordedNotCreated() throws IOException {
        SafeSink s = sink();
        s.file("bin/busybox", 0755, 0, text("elf"));
        s.hardlink("bin/ls", "bin/busybox");
        s.hardlink("bin/cat", "/etc/shadow");
        s.special("dev/console", 'c', 5, 1, 0600);
        s.special("dev/sda", 'b', 8, 0, 0660);
        s.special("dev/fifo", 'p', 0, 0, 0644);
        assertThat(root.resolve("bin/ls")).doesNotExist();
        assertThat(root.resolve("dev")).doesNotExist();
        assertThat(s.entries()).extracting(ManifestEntry::type).containsExactly(EntryType.FILE, EntryType.HARDLINK,
                EntryType.HARDLINK, EntryType.CHAR_DEVICE, EntryType.BLOCK_DEVICE, EntryType.FIFO);
        ManifestEntry ls = s.entries().get(1);
        assertThat(ls.sha256()).isEqualTo(s.entries().get(0).sha256());
        assertThat(s.entries().get(3).major()).isEqualTo(5);
    }

    @Test
    void perFileLimitCutsAndWarns() throws IOException {
        SafeSink s = sink(UnpackOptions.builder().maxFileSize(1000).build(), 1 << 20);
        assertThat(s.file("big", 0644, 0, new ByteArrayInputStream(new byte[5000]))).isFalse();
        assertThat(root.resolve("big")).hasSize(1000);
        assertThat(s.entries().get(0).truncated()).isTrue();
        assertThat(warnings.list()).anyMatch(w -> w.contains("per-file size limit"));
    }

    @Test
    void ratioLimitStopsABomb() throws IOException {
        // 1 KiB of input may not turn into more than max(floor, 10 x 1 KiB) = 64 KiB here
        SafeSink s = sink(UnpackOptions.builder().maxRatio(10).ratioFloorBytes(64 * 1024).build(), 1024);
        InputStream endlessZeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        assertThat(s.file("bomb", 0644, 0, endlessZeros)).isFalse();
        assertThat(root.resolve("bomb")).hasSize(64 * 1024);
        assertThat(s.cancelled()).isTrue();
        assertThat(s.file("next", 0644, 0, text("x"))).isFalse();
        assertThat(warnings.list()).anyMatch(w -> w.contains("compression-ratio limit"));
    }

    @Test
    void totalBytesAndFileCountAreRunWide() throws IOException {
        Budget b = new Budget(UnpackOptions.builder().maxFiles(1000).maxTotalBytes(10_000).build());
        SafeSink s1 = new SafeSink(root, "c", List.of(), b, warnings, "one", 1 << 20);
        for (int i = 0; i < 999; i++) {
            s1.file("f" + i, 0644, 0, text("1"));
        }
        Path root2 = Files.createDirectories(tmp.resolve("out/d"));
        SafeSink s2 = new SafeSink(root2, "d", List.of(), b, warnings, "two", 1 << 20);
        assertThat(s2.file("last", 0644, 0, text("1"))).isTrue();
        assertThat(s2.file("one-too-many", 0644, 0, text("1"))).isFalse();
        assertThat(b.exhausted()).contains("file-count limit");
        assertThat(s1.cancelled()).isTrue();
    }

    /**
     * Many tiny files against the file-count limit. Creating files costs ~0.2 ms each on CI disks, so the
     * default run uses 30 000; -Diotb.manyFiles=100000 runs the full-size version.
     */
    @Test
    @Tag("integration")
    void manyTinyFilesStayWithinTheFileLimit() throws IOException {
        int n = Integer.getInteger("iotb.manyFiles", 30_000);
        SafeSink s = sink(UnpackOptions.builder().maxFiles(n).build(), 1 << 20);
        int written = 0;
        for (int i = 0; i < n + 1; i++) {
            if (s.file("d" + (i % 100) + "/f" + i, 0644, 0, InputStream.nullInputStream())) {
                written++;
            }
        }
        assertThat(written).isEqualTo(n);
        assertThat(s.entries()).hasSize(n);
        assertThat(warnings.list()).anyMatch(w -> w.contains("file-count limit"));
    }

    @Test
    void sanitizerRefusesEmptyAndDotNames() {
        assertThatThrownBy(() -> NameSanitizer.sanitize("")).isInstanceOf(UnsafeNameException.class);
        assertThatThrownBy(() -> NameSanitizer.sanitize("/./")).isInstanceOf(UnsafeNameException.class);
        assertThatThrownBy(() -> NameSanitizer.sanitize(null)).isInstanceOf(UnsafeNameException.class);
    }

    @Test
    void symlinkTargetRules() {
        assertThat(SymlinkTargets.safeTarget("busybox", 1)).isEqualTo("busybox");
        assertThat(SymlinkTargets.safeTarget("/bin/busybox", 1)).isEqualTo("../bin/busybox");
        assertThat(SymlinkTargets.safeTarget("../../x", 1)).isNull();
        assertThat(SymlinkTargets.safeTarget("a/../../x", 3)).isNull();
        assertThat(SymlinkTargets.safeTarget("x\u0000y", 1)).isNull();
        assertThat(SymlinkTargets.safeTarget("/", 2)).isEqualTo("../..");
    }
}
