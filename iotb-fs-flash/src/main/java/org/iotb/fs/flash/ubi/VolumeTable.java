package org.iotb.fs.flash.ubi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.iotb.fs.flash.common.Crc32Raw;
import org.iotb.fs.flash.common.Endian;
import org.iotb.unpack.spi.ByteSource;

/** The UBI volume table (records of 172 bytes, each CRC-checked) kept in the layout volume. */
final class VolumeTable {
    static final int RECORD = 172;
    static final int MAX_VOLUMES = 128;
    private static final Endian BE = Endian.BIG;

    record Volume(long id, String name, int type, long reservedPebs, long dataPad) {
    }

    private VolumeTable() {
    }

    /** Parses one copy; returns null when any non-empty record fails its CRC (then the other copy is tried). */
    static Map<Long, Volume> parse(ByteSource s, long pos, long available) throws IOException {
        int count = (int) Math.min(MAX_VOLUMES, available / RECORD);
        if (count <= 0 || pos + (long) count * RECORD > s.size()) {
            return null;
        }
        byte[] t = s.bytes(pos, count * RECORD);
        Map<Long, Volume> vols = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int at = i * RECORD;
            if (Crc32Raw.ubi(t, at, 168) != BE.s32(t, at + 168)) {
                return null;
            }
            long reserved = BE.u32(t, at);
            if (reserved == 0) {
                continue; // empty slot
            }
            int nameLen = Math.min(BE.u16(t, at + 14), 127);
            String name = new String(t, at + 16, nameLen, StandardCharsets.UTF_8);
            vols.put((long) i, new Volume(i, name, BE.u8(t, at + 12), reserved, BE.u32(t, at + 8)));
        }
        return vols;
    }
}
