package org.iotb.fs.flash.jffs2;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.fs.flash.common.Endian;
import org.iotb.fs.flash.common.FsTree;
import org.iotb.fs.flash.common.TreeEmitter;
import org.iotb.fs.flash.common.Warnings;
import org.iotb.fs.flash.common.WindowReader;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/** JFFS2 images of either byte order: recognised by a node header with a valid CRC, extracted by log replay. */
public final class Jffs2Handler implements FormatHandler {

    @Override
    public String id() {
        return "jffs2";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x19, 0x85), Magic.of(0, 0x85, 0x19));
    }

    @Override
    public Optional<Match> identify(ByteSource source, long offset) throws IOException {
        // the header CRC first, from 12 bytes: a spray of the magic (a candidate at every byte) must not cost a
        // 64 KiB window per candidate
        if (offset < 0 || source.size() - offset < Jffs2Format.HEADER_SIZE) {
            return Optional.empty();
        }
        byte[] head = new byte[Jffs2Format.HEADER_SIZE];
        source.readFully(offset, head, 0, head.length);
        if (Jffs2Scanner.detect(head) == null) {
            return Optional.empty();
        }
        WindowReader r = new WindowReader(source);
        Endian e = Jffs2Scanner.detect(r, offset);
        if (e == null) {
            return Optional.empty();
        }
        Jffs2Scanner.Summary s = Jffs2Scanner.scan(r, offset, source.size(), e, (pos, type, totlen, h) -> true);
        // One stray header with a lucky CRC is not a file system: ask for a second node unless the image is tiny.
        if (s.nodes() < 2) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("byteOrder", e.toString());
        info.put("nodes", s.nodes());
        return Optional.of(new Match(id(), offset, s.end() - offset,
                "JFFS2 file system, " + e + ", " + s.nodes() + " nodes", info));
    }

    @Override
    public void extract(ByteSource source, Match match, ExtractionSink sink) throws IOException {
        WindowReader r = new WindowReader(source);
        Endian e = Jffs2Scanner.detect(r, match.offset());
        if (e == null) {
            sink.warn("jffs2: no valid node header at offset " + match.offset());
            return;
        }
        long limit = match.length() > 0 ? Math.min(source.size(), match.offset() + match.length()) : source.size();
        Warnings w = new Warnings(sink, "jffs2");
        Jffs2Reader reader = new Jffs2Reader(source, e, w);
        Jffs2Scanner.Summary s = reader.collect(match.offset(), limit, sink::cancelled);
        if (s.badHeaders() > 0) {
            w.warn("node header CRC mismatch", s.badHeaders() + " headers skipped");
        }
        FsTree tree = reader.resolve();
        TreeEmitter.emit(tree, sink);
        w.flush();
    }

    /** Compressors seen in an image and how many data nodes use each (for tests and the manifest). */
    public static Map<String, Integer> compressorsOf(ByteSource source, long offset, ExtractionSink sink) throws IOException {
        WindowReader r = new WindowReader(source);
        Endian e = Jffs2Scanner.detect(r, offset);
        if (e == null) {
            return Map.of();
        }
        Jffs2Reader reader = new Jffs2Reader(source, e, new Warnings(sink, "jffs2"));
        reader.collect(offset, source.size(), () -> false);
        return reader.compressors;
    }
}
