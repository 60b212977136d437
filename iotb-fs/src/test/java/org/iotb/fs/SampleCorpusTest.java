package org.iotb.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.iotb.fs.cramfs.CramfsHandler;
import org.iotb.fs.ext.ExtHandler;
import org.iotb.fs.romfs.RomfsHandler;
import org.iotb.fs.squashfs.SquashfsHandler;
import org.iotb.fs.testing.RecordingSink;
import org.iotb.fs.testing.Samples;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every sample under filesystems/ and malicious/ through every reader at offset 0: the formats we read are
 * recognised by the right handler only, the others (JFFS2, UBI, YAFFS2, FAT, Android sparse, xz-packed
 * images) by none, and every recognised image extracts without an exception or an escaping path.
 */
@Tag("integration")
class SampleCorpusTest {
    private static final List<FormatHandler> HANDLERS = List.of(new SquashfsHandler(), new CramfsHandler(),
            new RomfsHandler(), new ExtHandler());

    @Test
    void everySampleIsRecognisedByTheRightReaderOnly() throws Exception {
        Path root = Samples.dir();
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("filesystems", "malicious")) {
            try (Stream<Path> s = Files.walk(root.resolve(sub))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        Map<String, String> recognised = new TreeMap<>();
        for (Path f : files) {
            String rel = root.relativize(f).toString();
            List<String> ids = new ArrayList<>();
            try (ByteSource src = ByteSource.open(f)) {
                for (FormatHandler h : HANDLERS) {
                    var m = h.identify(src, 0);
                    if (m.isPresent()) {
                        ids.add(h.id());
                        extractCleanly(h, src, m.get());
                    }
                }
            }
            recognised.put(rel, String.join(",", ids));
        }
        recognised.forEach((rel, ids) -> {
            String name = Path.of(rel).getFileName().toString();
            String expected;
            if (name.contains("sqfs") || name.startsWith("squashfs")) {
                expected = "squashfs";
            } else if (name.startsWith("cramfs")) {
                expected = "cramfs";
            } else if (name.startsWith("romfs")) {
                expected = "romfs";
            } else {
                expected = ""; // jffs2, ubi, ubifs, yaffs2, fat, android sparse, tar, ext*.img.xz (compressed)
            }
            assertThat(ids).as(rel).isEqualTo(expected);
        });
    }

    private static void extractCleanly(FormatHandler h, ByteSource src, Match m) throws Exception {
        RecordingSink sink = new RecordingSink(Path.of("/nonexistent-corpus-root"), false, 64L << 20);
        h.extract(src, m, sink);
        assertThat(sink.escapes).as(m.description()).isEmpty();
    }
}
