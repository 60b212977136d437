package org.iotb.fs.flash.yaffs2;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.fs.flash.common.TreeEmitter;
import org.iotb.fs.flash.common.Warnings;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * YAFFS2 NAND images with the spare area inline (page + OOB per chunk), either byte order. YAFFS2 has no magic
 * number, so it is only tried at the start of a container, and only accepted when the first chunk is an object
 * header with sane tags.
 */
public final class Yaffs2Handler implements FormatHandler {

    @Override
    public String id() {
        return "yaffs2";
    }

    @Override
    public List<Magic> magics() {
        return List.of();
    }

    @Override
    public Optional<Match> identify(ByteSource source, long offset) throws IOException {
        Yaffs2Geometry g = Yaffs2Geometry.detect(source, offset);
        if (g == null) {
            return Optional.empty();
        }
        Yaffs2Reader r = new Yaffs2Reader(source, offset, g, Warnings.silent());
        r.scan(source.size(), () -> false);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pageSize", g.pageSize());
        info.put("spareSize", g.spareSize());
        info.put("tagsOffset", g.tagsOffset());
        info.put("byteOrder", g.endian().toString());
        return Optional.of(new Match(id(), offset, r.lastChunkEnd - offset,
                "YAFFS2 image, " + g.pageSize() + "+" + g.spareSize() + " byte chunks, " + g.endian(), info));
    }

    @Override
    public void extract(ByteSource source, Match match, ExtractionSink sink) throws IOException {
        Yaffs2Geometry g = Yaffs2Geometry.detect(source, match.offset());
        if (g == null) {
            sink.warn("yaffs2: no YAFFS2 object header at offset " + match.offset());
            return;
        }
        Warnings w = new Warnings(sink, "yaffs2");
        Yaffs2Reader r = new Yaffs2Reader(source, match.offset(), g, w);
        long limit = match.length() > 0 ? Math.min(source.size(), match.offset() + match.length()) : source.size();
        r.scan(limit, sink::cancelled);
        TreeEmitter.emit(r.tree(), sink);
        w.flush();
    }
}
