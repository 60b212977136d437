package org.iotb.fs.flash.ubi;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.iotb.fs.flash.common.Endian;
import org.iotb.fs.flash.common.Warnings;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * A UBI image: each volume is rebuilt from its LEBs and written as one file, {@code ubi/<volume>.ubifs} when it
 * holds UBIFS (else {@code .img}), for the engine to recurse into.
 */
public final class UbiHandler implements FormatHandler {
    private static final int UBIFS_MAGIC = 0x06101831;

    @Override
    public String id() {
        return "ubi";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.ascii(0, "UBI#"));
    }

    @Override
    public Optional<Match> identify(ByteSource source, long offset) throws IOException {
        UbiLayout l = UbiLayout.detect(source, offset);
        if (l == null) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pebSize", l.pebSize());
        info.put("lebSize", l.lebSize());
        info.put("pebCount", l.pebCount());
        info.put("vidHeaderOffset", l.vidOffset());
        info.put("dataOffset", l.dataOffset());
        info.put("imageSequence", l.imageSeq());
        return Optional.of(new Match(id(), offset, l.pebCount() * l.pebSize(),
                "UBI image, PEB size " + l.pebSize() + ", " + l.pebCount() + " PEBs", info));
    }

    @Override
    public void extract(ByteSource source, Match match, ExtractionSink sink) throws IOException {
        UbiLayout l = UbiLayout.detect(source, match.offset());
        if (l == null) {
            sink.warn("ubi: no valid erase-counter header at offset " + match.offset());
            return;
        }
        Warnings w = new Warnings(sink, "ubi");
        UbiScan scan = UbiScan.scan(source, l, w, sink::cancelled);
        if (scan.badEc > 0) {
            w.warn("bad erase-counter headers", scan.badEc + " PEBs skipped");
        }
        if (scan.badVid > 0) {
            w.warn("bad VID headers", scan.badVid + " PEBs skipped");
        }
        if (scan.badData > 0) {
            w.warn("data CRC mismatch", scan.badData + " LEB copies skipped");
        }
        Map<Long, VolumeTable.Volume> table = volumeTable(source, l, scan, w);
        Set<String> used = new HashSet<>();
        boolean dirMade = false;
        for (Map.Entry<Long, TreeMap<Long, UbiScan.Leb>> v : new TreeMap<>(scan.volumes).entrySet()) {
            long id = v.getKey();
            if (sink.cancelled()) {
                break;
            }
            if (id >= UbiHeaders.LAYOUT_VOLUME_ID) {
                continue; // UBI's own volumes: the volume table and fastmap
            }
            if (id >= VolumeTable.MAX_VOLUMES) {
                w.warn("invalid volume id", "volume " + id + " (" + v.getValue().size() + " LEBs) skipped");
                continue;
            }
            TreeMap<Long, UbiScan.Leb> lebs = v.getValue();
            VolumeTable.Volume vol = table.get(id);
            if (vol == null) {
                w.warn("volume not in volume table", "volume " + id + " has " + lebs.size() + " LEBs; written as vol" + id);
            }
            UbiScan.Leb any = lebs.firstEntry().getValue();
            boolean isStatic = vol != null ? vol.type() == UbiHeaders.VOL_STATIC : any.volType() == UbiHeaders.VOL_STATIC;
            long dataPad = vol != null ? vol.dataPad() : any.dataPad();
            long lebBytes = l.lebSize() - Math.min(dataPad, l.lebSize());
            long lebCount = isStatic ? Math.min(any.usedEbs(), l.pebCount()) : lebs.lastKey() + 1;
            String base = safeName(vol != null && !vol.name().isEmpty() ? vol.name() : "vol" + id);
            String name = base + (holdsUbifs(source, l, lebs) ? ".ubifs" : ".img");
            if (!used.add(name)) {
                name = base + "-" + id + name.substring(base.length());
                used.add(name);
            }
            if (!dirMade) {
                sink.directory("ubi", 0755, 0);
                dirMade = true;
            }
            try (InputStream in = new VolumeStream(source, l, lebs, lebCount, lebBytes, isStatic)) {
                sink.file("ubi/" + name, 0644, 0, in);
            }
        }
        w.flush();
    }

    private static Map<Long, VolumeTable.Volume> volumeTable(ByteSource s, UbiLayout l, UbiScan scan, Warnings w)
            throws IOException {
        TreeMap<Long, UbiScan.Leb> layout = scan.volumes.get(UbiHeaders.LAYOUT_VOLUME_ID);
        if (layout != null) {
            for (UbiScan.Leb copy : layout.values()) {
                Map<Long, VolumeTable.Volume> t = VolumeTable.parse(s, l.pebPos(copy.peb()) + l.dataOffset(), l.lebSize());
                if (t != null) {
                    return t;
                }
            }
        }
        w.warn("no valid volume table", "volumes are named by id");
        return Map.of();
    }

    private static boolean holdsUbifs(ByteSource s, UbiLayout l, TreeMap<Long, UbiScan.Leb> lebs) throws IOException {
        UbiScan.Leb first = lebs.get(0L);
        if (first == null) {
            return false;
        }
        long pos = l.pebPos(first.peb()) + l.dataOffset();
        return pos + 4 <= s.size() && Endian.LITTLE.s32(s.bytes(pos, 4), 0) == UBIFS_MAGIC;
    }

    /** Volume names are free text in UBI; keep them one harmless path component. */
    static String safeName(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
        }
        String s = b.toString();
        return s.isEmpty() || s.chars().allMatch(c -> c == '.') ? "volume" : s;
    }
}
