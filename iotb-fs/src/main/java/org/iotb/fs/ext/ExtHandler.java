package org.iotb.fs.ext;

import java.io.IOException;
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

/** ext2, ext3 and ext4, read-only: block maps or extents, inline data, fast symlinks; the journal is ignored. */
public final class ExtHandler implements FormatHandler {

    @Override
    public String id() {
        return "ext";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(ExtSuperblock.OFFSET + 56, 0x53, 0xef));
    }

    @Override
    public Optional<Match> identify(ByteSource source, long offset) throws IOException {
        long available = source.size() - offset;
        if (offset < 0 || available < ExtSuperblock.OFFSET + ExtSuperblock.SIZE) {
            return Optional.empty();
        }
        try {
            ExtSuperblock sb = ExtSuperblock.parse(source.bytes(offset + ExtSuperblock.OFFSET, ExtSuperblock.SIZE),
                    available);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("kind", sb.kind());
            info.put("blockSize", sb.blockSize());
            info.put("blocks", sb.blocksCount());
            info.put("inodes", sb.inodesCount());
            info.put("volumeName", sb.volumeName());
            return Optional.of(new Match(id(), offset, sb.length(), sb.kind() + " '" + sb.volumeName() + "', "
                    + sb.blocksCount() + " blocks of " + sb.blockSize(), info));
        } catch (CorruptImageException e) {
            return Optional.empty();
        }
    }

    @Override
    public void extract(ByteSource source, Match match, ExtractionSink sink) throws IOException {
        long available = source.size() - match.offset();
        try {
            ExtSuperblock sb = ExtSuperblock.parse(
                    source.bytes(match.offset() + ExtSuperblock.OFFSET, ExtSuperblock.SIZE), available);
            if (sb.has(ExtSuperblock.INCOMPAT_ENCRYPT)) {
                sink.warn("ext: file system has encryption enabled; encrypted files read as ciphertext");
            }
            ExtVolume vol = new ExtVolume(source.slice(match.offset(), sb.length()), sb);
            new ExtExtractor(vol, sink).run();
        } catch (CorruptImageException | java.io.EOFException e) {
            sink.warn("ext: " + e.getMessage());
        }
    }
}
