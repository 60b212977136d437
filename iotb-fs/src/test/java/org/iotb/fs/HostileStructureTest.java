package org.iotb.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.iotb.fs.ext.ExtHandler;
import org.iotb.fs.romfs.RomfsHandler;
import org.iotb.fs.testing.RecordingSink;
import org.iotb.fs.testing.Tools;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Registration, and loops planted in otherwise valid images: the walk must end with a warning. */
class HostileStructureTest {
    @TempDir
    Path tmp;

    @Test
    void handlersAreRegisteredForTheEngine() {
        var ids = StreamSupport.stream(ServiceLoader.load(FormatHandler.class).spliterator(), false)
                .map(FormatHandler::id).collect(Collectors.toSet());
        assertThat(ids).contains("squashfs", "cramfs", "romfs", "ext");
    }

    @Test
    @Timeout(20)
    @Tag("integration")
    void extDirectoryLinkedIntoItselfIsVisitedOnce() throws Exception {
        Tools.require("mke2fs", "e2fsprogs");
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("sub"));
        Files.writeString(src.resolve("sub/file"), "x");
        Path img = tmp.resolve("loop.img");
        Tools.run("mke2fs", "-q", "-F", "-t", "ext4", "-d", src.toString(), img.toString(), "4M");
        Tools.run("debugfs", "-w", "-R", "link / /sub/back-to-root", img.toString());
        RecordingSink sink = extract(new ExtHandler(), img);
        assertThat(sink.entries).containsKey("sub/file").doesNotContainKey("sub/back-to-root/sub/file");
        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains("visited directory"));
    }

    @Test
    @Timeout(20)
    @Tag("integration")
    void romfsHeaderChainPointingBackIsCut() throws Exception {
        Tools.require("genromfs", "genromfs");
        Path src = tmp.resolve("rsrc");
        Files.createDirectories(src);
        Files.writeString(src.resolve("a"), "a");
        Files.writeString(src.resolve("b"), "b");
        Path img = tmp.resolve("r.romfs");
        Tools.run("genromfs", "-f", img.toString(), "-d", src.toString());
        byte[] b = Files.readAllBytes(img);
        // find the last header of the root chain (next == 0 with a name) and point it at the first header
        int first = 32; // "-rom1fs-", size, checksum, then the volume name "rom <hex>" padded to 16
        ByteBuffer bb = ByteBuffer.wrap(b);
        int h = first;
        int last = -1;
        for (int guard = 0; guard < 16 && h != 0; guard++) {
            last = h;
            h = bb.getInt(h) & ~15;
        }
        assertThat(last).isPositive();
        bb.putInt(last, (bb.getInt(last) & 15) | first);
        // keep the superblock checksum (first 512 bytes sum to 0) valid so the image is still recognised
        int n = Math.min(512, bb.getInt(8)) & ~3;
        bb.putInt(12, 0);
        int sum = 0;
        for (int i = 0; i < n; i += 4) {
            sum += bb.getInt(i);
        }
        bb.putInt(12, -sum);
        Path bad = tmp.resolve("loop.romfs");
        Files.write(bad, b);
        RecordingSink sink = extract(new RomfsHandler(), bad);
        assertThat(sink.entries).containsKeys("a", "b");
        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains("reached twice"));
    }

    private static RecordingSink extract(FormatHandler h, Path img) throws Exception {
        RecordingSink sink = new RecordingSink(img.resolveSibling("out-" + img.getFileName()));
        try (ByteSource s = ByteSource.open(img)) {
            Match m = h.identify(s, 0).orElseThrow();
            h.extract(s, m, sink);
        }
        assertThat(sink.escapes).isEmpty();
        return sink;
    }
}
