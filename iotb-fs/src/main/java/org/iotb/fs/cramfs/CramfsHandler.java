package org.iotb.fs.cramfs;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/** cramfs in either byte order (zlib pages, holes, extended block pointers except direct ones). */
public final class CramfsHandler implements FormatHandler {

    @Override
    public String id() {
        return "cramfs";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x45, 0x3d, 0xcd, 0x28), Magic.of(0, 0x28, 0xcd, 0x3d, 0x45));
    }

    @Override
    public Optional<Match> identify(ByteSource source, long offset) throws IOException {
        long available = source.size() - offset;
        if (offset < 0 || available < CramfsSuper.SIZE) {
            return Optional.empty();
        }
        try {
            CramfsSuper sb = CramfsSuper.parse(source.bytes(offset, CramfsSuper.SIZE), available);
            Map<String, Object> info = new LinkedHashMap<>();
            String endian = sb.order() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
            info.put("byteOrder", endian);
            info.put("version", (sb.flags() & CramfsSuper.FLAG_FSID_V2) != 0 ? 2 : 1);
            info.put("files", sb.files());
            info.put("name", sb.name());
            return Optional.of(new Match(id(), offset, sb.size(), "cramfs " + endian + " '" + sb.name() + "'", info));
        } catch (CorruptImageException e) {
            return Optional.empty();
        }
    }

    @Override
    public void extract(ByteSource source, Match match, ExtractionSink sink) throws IOException {
        long available = source.size() - match.offset();
        ByteSource fs = source.slice(match.offset(), Math.max(0, available));
        try {
            CramfsSuper sb = CramfsSuper.parse(fs.bytes(0, CramfsSuper.SIZE), fs.size());
            new CramfsExtractor(fs, sb, sink).run();
        } catch (CorruptImageException | java.io.EOFException e) {
            sink.warn("cramfs: " + e.getMessage());
        }
    }
}
