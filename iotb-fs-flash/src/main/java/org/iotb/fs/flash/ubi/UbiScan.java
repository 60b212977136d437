package org.iotb.fs.flash.ubi;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.iotb.fs.flash.common.Crc32Raw;
import org.iotb.fs.flash.common.Warnings;
import org.iotb.unpack.spi.ByteSource;

/**
 * Reads every PEB's headers and keeps, for each (volume, LEB), the copy with the highest sequence number whose
 * headers (and, where UBI records one, data CRC) check out.
 */
final class UbiScan {
    /** One mapped LEB: which PEB holds it and how many of its bytes are data (static volumes). */
    record Leb(long peb, long sqnum, long dataSize, int volType, long usedEbs, long dataPad) {
    }

    final Map<Long, TreeMap<Long, Leb>> volumes = new HashMap<>();
    int badEc;
    int badVid;
    int badData;

    static UbiScan scan(ByteSource s, UbiLayout l, Warnings w, BooleanSupplier cancelled) throws IOException {
        UbiScan scan = new UbiScan();
        long leb = l.lebSize();
        for (long i = 0; i < l.pebCount() && !cancelled.getAsBoolean(); i++) {
            long pos = l.pebPos(i);
            UbiHeaders.Ec ec = UbiHeaders.ec(s, pos);
            if (ec == null) {
                scan.badEc++;
                continue;
            }
            if (ec.vidOffset() != l.vidOffset() || ec.dataOffset() != l.dataOffset()) {
                w.warn("inconsistent EC header", "PEB " + i + " has other header offsets; skipped");
                continue;
            }
            UbiHeaders.Vid vid = UbiHeaders.vid(s, pos + l.vidOffset());
            if (vid == null) {
                if (!erased(s, pos + l.vidOffset())) {
                    scan.badVid++;
                }
                continue;
            }
            // A volume never has more LEBs than the flash has PEBs; a larger number would only make the
            // rebuilt volume a run of erased bytes as long as the number says.
            if (vid.lnum() >= l.pebCount() || vid.dataPad() >= leb) {
                w.warn("implausible VID header", "PEB " + i + " LEB " + vid.lnum());
                continue;
            }
            long size = leb - vid.dataPad();
            boolean checkData = vid.volType() == UbiHeaders.VOL_STATIC || vid.copyFlag() != 0;
            if (checkData) {
                if (vid.dataSize() > size) {
                    w.warn("implausible VID header", "PEB " + i + " data size " + vid.dataSize());
                    continue;
                }
                size = vid.dataSize();
                byte[] data = s.bytes(pos + l.dataOffset(), (int) size);
                if (Crc32Raw.ubi(data, 0, data.length) != vid.dataCrc()) {
                    scan.badData++;
                    continue;
                }
            }
            TreeMap<Long, Leb> vol = scan.volumes.computeIfAbsent(vid.volId(), k -> new TreeMap<>());
            Leb old = vol.get(vid.lnum());
            if (old == null || vid.sqnum() > old.sqnum()) {
                vol.put(vid.lnum(), new Leb(i, vid.sqnum(), size, vid.volType(), vid.usedEbs(), vid.dataPad()));
            }
        }
        return scan;
    }

    private static boolean erased(ByteSource s, long pos) throws IOException {
        if (pos + UbiHeaders.HDR_SIZE > s.size()) {
            return true;
        }
        for (byte b : s.bytes(pos, UbiHeaders.HDR_SIZE)) {
            if (b != (byte) 0xff) {
                return false;
            }
        }
        return true;
    }
}
