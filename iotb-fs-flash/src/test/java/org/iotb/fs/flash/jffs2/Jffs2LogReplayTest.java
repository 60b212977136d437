package org.iotb.fs.flash.jffs2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.fs.flash.support.RecordingSink;
import org.iotb.unpack.spi.ByteSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log-replay rules on hand-written histories: versions, deletions, overlapping writes, hostile links. */
class Jffs2LogReplayTest {
    static final int DIR = 040755;
    static final int REG = 0100644;

    @TempDir
    Path tmp;

    private RecordingSink extract(byte[] image) throws Exception {
        Jffs2Handler h = new Jffs2Handler();
        ByteSource s = ByteSource.of(image);
        RecordingSink sink = new RecordingSink(tmp.resolve("out"));
        h.extract(s, h.identify(s, 0).orElseThrow(), sink);
        return sink;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void newestVersionsWinAndDeletionsHold() throws Exception {
        byte[] img = new Jffs2LogWriter(ByteOrder.BIG_ENDIAN)
                .dirent(1, 1, 2, "config", 8)
                .inode(2, 1, REG, 10, 0, ascii("0123456789"))
                // Overwrite bytes 3..5 later, then extend the file with a hole before new data.
                .inode(2, 3, REG, 10, 3, ascii("abc"))
                .inode(2, 4, REG, 20, 16, ascii("WXYZ"))
                // An older write arriving later in the log must not win over version 3.
                .inode(2, 2, REG, 10, 3, ascii("old"))
                // Renamed: the old name is deleted (ino 0) at a higher version, the new one points at ino 2.
                .dirent(1, 5, 0, "config", 8)
                .dirent(1, 6, 2, "config.new", 8)
                // A file created, then deleted.
                .dirent(1, 7, 3, "tmpfile", 8)
                .inode(3, 1, REG, 3, 0, ascii("tmp"))
                .dirent(1, 8, 0, "tmpfile", 8)
                .bytes();
        RecordingSink sink = extract(img);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.snapshot()).containsOnlyKeys("config.new");
        byte[] got = Files.readAllBytes(tmp.resolve("out/config.new"));
        assertThat(got).isEqualTo(ascii("012abc6789\0\0\0\0\0\0WXYZ"));
    }

    @Test
    void truncationByANewerInodeCutsOlderData() throws Exception {
        byte[] img = new Jffs2LogWriter(ByteOrder.LITTLE_ENDIAN)
                .dirent(1, 1, 2, "log", 8)
                .inode(2, 1, REG, 8, 0, ascii("AAAAAAAA"))
                .inode(2, 2, REG, 3, 0, new byte[0]) // truncate(3)
                .bytes();
        extract(img);
        assertThat(Files.readAllBytes(tmp.resolve("out/log"))).isEqualTo(ascii("AAA"));
    }

    @Test
    void loopsBadNamesMissingInodesAndCorruptNodesAreReportedNotFollowed() throws Exception {
        byte[] good = new Jffs2LogWriter(ByteOrder.BIG_ENDIAN).inode(5, 1, REG, 2, 0, ascii("ok")).bytes();
        byte[] corrupt = good.clone();
        corrupt[68] ^= 1; // data CRC no longer matches
        byte[] badHeader = good.clone();
        badHeader[5] ^= 1; // header CRC no longer matches
        byte[] img = new Jffs2LogWriter(ByteOrder.BIG_ENDIAN)
                .dirent(1, 1, 2, "a", 4)
                .inode(2, 1, DIR, 0, 0, new byte[0])
                .dirent(2, 1, 2, "self", 4)          // a directory containing itself
                .dirent(2, 2, 1, "root-again", 4)   // and the root
                .dirent(1, 2, 3, "..", 8)
                .dirent(1, 3, 4, "no-inode", 8)
                .dirent(1, 4, 5, "file", 8)
                .raw(badHeader)
                .raw(corrupt)
                .inode(5, 2, REG, 2, 0, ascii("ok"))
                .bytes();
        RecordingSink sink = extract(img);
        assertThat(sink.snapshot()).containsOnlyKeys("a", "file");
        assertThat(Files.readString(tmp.resolve("out/file"))).isEqualTo("ok");
        assertThat(sink.escapes).isEmpty();
        assertThat(sink.warnings).anyMatch(w -> w.contains("reached again"))
                .anyMatch(w -> w.contains("unusable name"))
                .anyMatch(w -> w.contains("no inode record"))
                .anyMatch(w -> w.contains("data CRC mismatch"))
                .anyMatch(w -> w.contains("header CRC mismatch"));
    }
}
