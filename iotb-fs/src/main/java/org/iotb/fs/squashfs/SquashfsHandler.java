package org.iotb.fs.squashfs;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.codec.BlockDecompressor;
import org.iotb.unpack.codec.SniffingBlocks;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * Squashfs in either byte order: 4.0 with every compressor Linux knows (gzip, lzma incl. the vendor raw-LZMA
 * layout, lzo, xz, lz4, zstd), and the older 3.x and 2.x layouts (zlib, or vendor LZMA detected per block);
 * standard and vendor magics alike ({@link SquashfsMagic}).
 */
public final class SquashfsHandler implements FormatHandler {
    private static final int HEAD = 128;

    @Override
    public String id() {
        return "squashfs";
    }

    @Override
    public List<Magic> magics() {
        return SquashfsMagic.ALL.stream().map(m -> Magic.ascii(0, m.text())).toList();
    }

    /** A validated superblock of any version and how to decompress its blocks. */
    private record Parsed(Geometry geometry, String compressor, BlockDecompressor codec) {
    }

    private static Parsed parse(byte[] head, long available) throws CorruptImageException {
        ByteOrder order = Superblock.orderOf(head);
        if (order == null) {
            throw new CorruptImageException("no squashfs magic");
        }
        int major = Superblock.majorVersion(head, order);
        if (major == 4) {
            Superblock sb = Superblock.parse(head, order);
            sb.validate(available, org.iotb.unpack.io.Bytes.u16(head, 22, order));
            return new Parsed(sb.geometry(), Compression.name(sb.compressor()), Compression.forId(sb.compressor()));
        }
        Geometry g = LegacySuperblock.parse(head, order, available);
        return new Parsed(g, "zlib/lzma", new SniffingBlocks());
    }

    private static byte[] head(ByteSource source, long offset) throws IOException {
        long available = source.size() - offset;
        if (offset < 0 || available < LegacySuperblock.SIZE_V2) {
            return null;
        }
        return source.bytes(offset, (int) Math.min(HEAD, available));
    }

    @Override
    public Optional<Match> identify(ByteSource source, long offset) throws IOException {
        byte[] head = head(source, offset);
        if (head == null) {
            return Optional.empty();
        }
        long available = source.size() - offset;
        try {
            Parsed p = parse(head, available);
            Geometry g = p.geometry();
            String endian = g.order() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("version", g.major() + "." + g.minor());
            info.put("byteOrder", endian);
            info.put("compressor", p.compressor());
            SquashfsMagic magic = SquashfsMagic.of(head);
            if (!magic.standard()) {
                info.put("magic", magic.text());
            }
            info.put("blockSize", g.blockSize());
            info.put("inodes", g.inodeCount());
            info.put("bytesUsed", g.bytesUsed());
            String desc = (magic.standard() ? "" : "vendor-magic '" + magic.text() + "' ") + "squashfs " + g.major() + "." + g.minor() + " "
                    + (g.order() == ByteOrder.LITTLE_ENDIAN ? "LE" : "BE") + ", " + p.compressor() + ", "
                    + g.inodeCount() + " inodes, " + g.bytesUsed() + " bytes";
            // mksquashfs pads the image to a multiple of 4 KiB; the padding belongs to the file system
            long padded = Math.min((g.bytesUsed() + 4095) & ~4095L, available);
            return Optional.of(new Match(id(), offset, padded, desc, info));
        } catch (CorruptImageException e) {
            return Optional.empty();
        }
    }

    @Override
    public void extract(ByteSource source, Match match, ExtractionSink sink) throws IOException {
        try {
            byte[] head = head(source, match.offset());
            if (head == null) {
                throw new CorruptImageException("too short for a squashfs superblock");
            }
            long available = source.size() - match.offset();
            Parsed p = parse(head, available);
            ByteSource fs = source.slice(match.offset(), available);
            new SquashfsExtractor(fs, p.geometry(), p.codec(), sink).run();
        } catch (CorruptImageException e) {
            sink.warn("squashfs: " + e.getMessage());
        }
    }
}
