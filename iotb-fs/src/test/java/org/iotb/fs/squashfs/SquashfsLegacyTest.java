package org.iotb.fs.squashfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.fs.testing.Entry;
import org.iotb.fs.testing.RecordingSink;
import org.iotb.fs.testing.ReferenceTree;
import org.iotb.fs.testing.Samples;
import org.iotb.fs.testing.Tools;
import org.iotb.fs.testing.Trees;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Squashfs 2.x and 3.x (both byte orders, zlib and vendor LZMA) from the shared samples. */
@Tag("integration")
class SquashfsLegacyTest {
    private final SquashfsHandler handler = new SquashfsHandler();
    @TempDir
    Path tmp;

    private RecordingSink extract(Path img, String expectVersion) throws Exception {
        RecordingSink sink = new RecordingSink(tmp.resolve("out-" + img.getFileName()));
        try (ByteSource src = ByteSource.open(img)) {
            Match m = handler.identify(src, 0).orElseThrow(() -> new AssertionError("no match: " + img));
            assertThat((String) m.info().get("version")).startsWith(expectVersion);
            handler.extract(src, m, sink);
        }
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.escapes).isEmpty();
        return sink;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zlib_le.sqfs3", "zlib_be.sqfs3"})
    void version3MatchesUnsquashfs(String name) throws Exception {
        Tools.require("unsquashfs", "squashfs-tools");
        Path img = Samples.file("filesystems/squashfs-variants/" + name);
        RecordingSink sink = extract(img, "3.");
        Path ref = tmp.resolve("ref");
        Tools.run("unsquashfs", "-d", ref.toString(), "-no-progress", img.toString());
        Trees.assertSame(sink.resolved(), ReferenceTree.scan(ref));
    }

    /** unsquashfs cannot decode these vendor-LZMA images; they hold the same tree as the zlib 3.1 sample. */
    @ParameterizedTest
    @ValueSource(strings = {"lzma1_le.sqfs3:3.", "lzma1_be.sqfs3:3.", "lzma_le.sqfs2:2.", "lzma_be.sqfs2:2."})
    void vendorLzmaVariantsHoldTheReferenceTree(String spec) throws Exception {
        String[] p = spec.split(":");
        RecordingSink sink = extract(Samples.file("filesystems/squashfs-variants/" + p[0]), p[1]);
        RecordingSink ref = extract(Samples.file("filesystems/squashfs-variants/zlib_le.sqfs3"), "3.");
        Trees.assertSame(sink.resolved(), ref.resolved(), e -> e.type() == 'd' ? e.withoutMode() : e);
    }

    /**
     * The real 2009 Broadcom rootfs (squashfs 2.0 BE, LZMA data): unsquashfs can list it but not decode its
     * data, so paths, types, sizes, modes, link targets and device numbers are compared with its listing.
     */
    @Test
    void broadcomRootfsMatchesUnsquashfsListing() throws Exception {
        Tools.require("unsquashfs", "squashfs-tools");
        Path img = Samples.file("filesystems/squashfs_v2.0_be_broadcom_adsl_rootfs.bin");
        RecordingSink sink = extract(img, "2.0");
        String listing = Tools.run("unsquashfs", "-lls", "-no-progress", img.toString());
        Pattern line = Pattern.compile("^([-dlcbps])([-rwxsStT]{9}) \\S+\\s+(\\d+|\\d+,\\s*\\d+) \\S+ \\S+ "
                + "squashfs-root/(.+?)(?: -> (.*))?$");
        Map<String, Entry> expected = new HashMap<>();
        for (String l : listing.split("\n")) {
            Matcher m = line.matcher(l);
            if (!m.matches()) {
                continue;
            }
            char t = m.group(1).charAt(0);
            int mode = modeOf(m.group(2));
            String size = m.group(3);
            String path = m.group(4);
            Entry e = switch (t) {
                case 'd' -> Entry.dir(mode);
                case 'l' -> Entry.symlink(m.group(5));
                case 'c', 'b' -> {
                    String[] mm = size.split(",\\s*");
                    yield new Entry(t, mode, 0, null, null, Integer.parseInt(mm[0]), Integer.parseInt(mm[1]));
                }
                case '-' -> new Entry('f', mode, Long.parseLong(size), null, null, 0, 0);
                default -> new Entry(t, mode, 0, null, null, 0, 0);
            };
            expected.put(path, e);
        }
        assertThat(expected).hasSizeGreaterThan(400);
        Trees.assertSame(sink.resolved(), expected,
                e -> new Entry(e.type(), e.mode(), e.size(), null, e.target(), e.major(), e.minor()));
        // the data really decoded: busybox is a big-endian MIPS ELF
        byte[] head = SquashfsSamplesTest.Arrays4.head(tmp.resolve("out-" + img.getFileName()).resolve("bin/busybox"), 20);
        assertThat(head).startsWith(0x7f, 'E', 'L', 'F');
        assertThat(head[19]).isEqualTo((byte) 8);
    }

    private static int modeOf(String rwx) {
        int mode = 0;
        for (int i = 0; i < 9; i++) {
            char c = rwx.charAt(i);
            if (c != '-' && c != 'S' && c != 'T') {
                mode |= 1 << (8 - i);
            }
        }
        if (rwx.charAt(2) == 's' || rwx.charAt(2) == 'S') {
            mode |= 04000;
        }
        if (rwx.charAt(5) == 's' || rwx.charAt(5) == 'S') {
            mode |= 02000;
        }
        if (rwx.charAt(8) == 't' || rwx.charAt(8) == 'T') {
            mode |= 01000;
        }
        return mode;
    }
}
