package org.iotb.unpack.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * U-Boot FIT image: a device tree whose /images nodes carry (or point to, for external data) the kernel,
 * ramdisk, device trees... Each image is written as stored under images/; image.its is the tree's source form.
 */
public final class FitHandler implements FormatHandler {

    @Override
    public String id() {
        return "fit";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0xd0, 0x0d, 0xfe, 0xed));
    }

    static boolean isFit(Fdt t) {
        Fdt.Node images = t.root.child("images");
        return images != null && !images.children.isEmpty();
    }

    /** Data of one image: absolute offset and length in the source, or null. */
    private static long[] data(Fdt t, Fdt.Node img, long off) {
        Fdt.Prop d = img.props.get("data");
        if (d != null) {
            return new long[] {d.offset(), d.length()};
        }
        Long size = img.u32("data-size");
        Long rel = img.u32("data-offset");
        Long abs = img.u32("data-position");
        if (size == null) {
            return null;
        }
        if (abs != null) {
            return new long[] {off + abs, size};
        }
        if (rel != null) {
            return new long[] {off + ((t.totalSize + 3) & ~3L) + rel, size};
        }
        return null;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        Fdt t = Fdt.parse(s, off);
        if (t == null || !isFit(t)) {
            return Optional.empty();
        }
        long end = off + t.totalSize;
        List<String> names = new ArrayList<>();
        for (Fdt.Node img : t.root.child("images").children) {
            long[] d = data(t, img, off);
            if (d != null && d[0] + d[1] <= s.size()) {
                end = Math.max(end, d[0] + d[1]);
            }
            names.add(img.name);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("images", names);
        String desc = t.root.string("description");
        if (desc != null) {
            info.put("description", desc);
        }
        return Streams.match(id(), off, end - off, "U-Boot FIT image" + (desc == null ? "" : " \"" + desc + "\""), info);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Fdt t = Fdt.parse(s, m.offset());
        if (t == null) {
            sink.warn("FIT tree no longer parses");
            return;
        }
        sink.file("image.its", 0644, 0, new ByteArrayInputStream(t.toDts().getBytes(StandardCharsets.UTF_8)));
        for (Fdt.Node img : t.root.child("images").children) {
            long[] d = data(t, img, m.offset());
            if (d == null) {
                sink.warn("FIT image '" + img.name + "' has no data");
                continue;
            }
            if (d[0] + d[1] > s.size()) {
                sink.warn("FIT image '" + img.name + "' data lies past the end");
                continue;
            }
            String comp = img.string("compression");
            String ext = comp == null ? "" : switch (comp) {
                case "gzip" -> ".gz";
                case "lzma" -> ".lzma";
                case "bzip2" -> ".bz2";
                case "lzo" -> ".lzo";
                case "lz4" -> ".lz4";
                case "zstd" -> ".zst";
                default -> "";
            };
            sink.file("images/" + img.name + ext, 0644, 0, s.stream(d[0], d[1]));
        }
    }
}
