package org.iotb.fs.flash.ubifs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.fs.flash.common.FsTree;
import org.iotb.fs.flash.common.TreeEmitter;
import org.iotb.fs.flash.common.Warnings;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/** A UBIFS image (LEBs laid end to end, as written by mkfs.ubifs or taken out of a UBI volume). */
public final class UbifsHandler implements FormatHandler {

    @Override
    public String id() {
        return "ubifs";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x31, 0x18, 0x10, 0x06));
    }

    @Override
    public Optional<Match> identify(ByteSource source, long offset) throws IOException {
        Superblock sb = Superblock.read(source, offset);
        if (sb == null) {
            return Optional.empty();
        }
        long length = Math.min(source.size() - offset, sb.lebCnt() * sb.lebSize());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("lebSize", sb.lebSize());
        info.put("minIoSize", sb.minIo());
        info.put("lebCount", sb.lebCnt());
        info.put("defaultCompressor", UbifsFormat.comprName(sb.defaultCompr()));
        info.put("formatVersion", sb.fmtVersion());
        return Optional.of(new Match(id(), offset, length, "UBIFS file system, LEB size " + sb.lebSize() + ", "
                + sb.lebCnt() + " LEBs, " + UbifsFormat.comprName(sb.defaultCompr()), info));
    }

    @Override
    public void extract(ByteSource source, Match match, ExtractionSink sink) throws IOException {
        Superblock sb = Superblock.read(source, match.offset());
        if (sb == null) {
            sink.warn("ubifs: no valid superblock at offset " + match.offset());
            return;
        }
        Warnings w = new Warnings(sink, "ubifs");
        UbifsReader reader = new UbifsReader(source, match.offset(), sb, w);
        FsTree tree = reader.read(sink::cancelled);
        if (tree != null) {
            TreeEmitter.emit(tree, sink);
        }
        w.flush();
    }

    /** Compressors used by the data nodes of an image, with counts (for tests and diagnostics). */
    public static Map<String, Integer> compressorsOf(ByteSource source, long offset, ExtractionSink sink) throws IOException {
        Superblock sb = Superblock.read(source, offset);
        if (sb == null) {
            return Map.of();
        }
        UbifsReader reader = new UbifsReader(source, offset, sb, new Warnings(sink, "ubifs"));
        reader.read(() -> false);
        return reader.compressors;
    }
}
