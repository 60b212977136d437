package org.iotb.fs.flash.jffs2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.fs.flash.support.Entry;
import org.iotb.fs.flash.support.RecordingSink;
import org.iotb.fs.flash.support.SourceTree;
import org.iotb.fs.flash.support.Tools;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("integration")
class Jffs2HandlerTest {
    @TempDir
    static Path tmp;
    static Path src;
    static Map<String, Entry> expected;

    @BeforeAll
    static void tree() throws Exception {
        src = tmp.resolve("src");
        SourceTree.generate(src, 42);
        expected = SourceTree.snapshot(src);
    }

    private static Path build(String name, List<String> options) throws Exception {
        Path img = tmp.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(Tools.find("mkfs.jffs2", "mtd-utils").toString(), "-r", src.toString(),
                "-o", img.toString()));
        cmd.addAll(options);
        Tools.run(cmd);
        return img;
    }

    static RecordingSink extract(Path img, Path out) throws IOException {
        Jffs2Handler h = new Jffs2Handler();
        try (ByteSource s = ByteSource.open(img)) {
            Optional<Match> m = h.identify(s, 0);
            assertThat(m).as("identify %s", img).isPresent();
            RecordingSink sink = new RecordingSink(out);
            h.extract(s, m.get(), sink);
            return sink;
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "-l, default, zlib",
        "-b, default, zlib",
        "-l, lzo, lzo",
        "-b, lzo, lzo",
        "-l, rtime, rtime",
        "-b, none, none",
        "-l, small-erase-blocks, zlib"})
    void extractedTreeEqualsSource(String endian, String variant, String expectCompressor) throws Exception {
        List<String> opts = new ArrayList<>(List.of(endian));
        switch (variant) {
            case "lzo" -> opts.addAll(List.of("-X", "lzo", "-x", "zlib", "-x", "rtime"));
            case "rtime" -> opts.addAll(List.of("-x", "zlib"));
            case "none" -> opts.addAll(List.of("-x", "zlib", "-x", "rtime"));
            case "small-erase-blocks" -> opts.addAll(List.of("-e", "8KiB", "-p"));
            default -> { }
        }
        Path img = build("img-" + endian + variant, opts);
        RecordingSink sink = extract(img, tmp.resolve("out-" + endian + variant));
        assertThat(sink.snapshot()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(sink.escapes).isEmpty();
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.hardlinks()).hasSize(1);
        try (ByteSource s = ByteSource.open(img)) {
            Map<String, Integer> used = Jffs2Handler.compressorsOf(s, 0, sink);
            assertThat(used).containsKey(expectCompressor);
        }
    }

    @Test
    void identifyReportsExtentAndOrderAndRejectsOtherData() throws Exception {
        Path img = build("extent.img", List.of("-b"));
        byte[] fs = Files.readAllBytes(img);
        byte[] padded = new byte[fs.length + 4096 + 8192];
        java.util.Arrays.fill(padded, (byte) 0x5a);
        System.arraycopy(fs, 0, padded, 4096, fs.length);
        Jffs2Handler h = new Jffs2Handler();
        ByteSource s = ByteSource.of(padded);
        assertThat(h.identify(s, 0)).isEmpty();
        Match m = h.identify(s, 4096).orElseThrow();
        assertThat(m.info()).containsEntry("byteOrder", "big-endian");
        assertThat(m.length()).isEqualTo(fs.length);
        RecordingSink sink = new RecordingSink(tmp.resolve("out-extent"));
        h.extract(s, m, sink);
        assertThat(sink.snapshot()).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void corruptDataNodeIsSkippedWithWarning() throws Exception {
        Path img = build("corrupt.img", List.of("-l", "-x", "zlib", "-x", "rtime"));
        byte[] fs = Files.readAllBytes(img);
        // Flip a byte inside the stored text of /etc/passwd: its data CRC must catch it.
        int at = indexOf(fs, "root:x:0:0".getBytes());
        assertThat(at).isPositive();
        fs[at] ^= 0x20;
        RecordingSink sink = new RecordingSink(tmp.resolve("out-corrupt"));
        Jffs2Handler h = new Jffs2Handler();
        ByteSource s = ByteSource.of(fs);
        h.extract(s, h.identify(s, 0).orElseThrow(), sink);
        assertThat(sink.warnings).anyMatch(w -> w.contains("data CRC mismatch"));
        Entry passwd = sink.snapshot().get("etc/passwd");
        assertThat(passwd.size()).isEqualTo(expected.get("etc/passwd").size());
        assertThat(passwd.sha256()).isNotEqualTo(expected.get("etc/passwd").sha256());
        assertThat(sink.snapshot().get("etc/init.d/rcS")).isEqualTo(expected.get("etc/init.d/rcS"));
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
