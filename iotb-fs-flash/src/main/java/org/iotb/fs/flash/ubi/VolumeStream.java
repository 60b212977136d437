package org.iotb.fs.flash.ubi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.TreeMap;
import org.iotb.unpack.spi.ByteSource;

/**
 * The bytes of one UBI volume: its LEBs in order, each read from the PEB that holds it. An unmapped LEB reads
 * as erased flash (0xFF), as UBI itself returns it.
 */
final class VolumeStream extends InputStream {
    private final ByteSource source;
    private final UbiLayout layout;
    private final TreeMap<Long, UbiScan.Leb> lebs;
    private final long lebCount;
    private final long lebBytes;
    private final boolean isStatic;
    private long lnum;
    private long within;

    VolumeStream(ByteSource source, UbiLayout layout, TreeMap<Long, UbiScan.Leb> lebs, long lebCount, long lebBytes,
                 boolean isStatic) {
        this.source = source;
        this.layout = layout;
        this.lebs = lebs;
        this.lebCount = lebCount;
        this.lebBytes = lebBytes;
        this.isStatic = isStatic;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (lnum < lebCount) {
            UbiScan.Leb leb = lebs.get(lnum);
            // Static volumes store exactly data_size bytes per LEB; dynamic ones always a full LEB.
            long size = leb != null && isStatic ? leb.dataSize() : lebBytes;
            if (leb == null && isStatic) {
                size = 0;
            }
            if (within >= size) {
                lnum++;
                within = 0;
                continue;
            }
            int n = (int) Math.min(len, size - within);
            if (leb == null) {
                Arrays.fill(b, off, off + n, (byte) 0xff);
            } else {
                long pos = layout.pebPos(leb.peb()) + layout.dataOffset() + within;
                source.readFully(pos, b, off, n);
            }
            within += n;
            return n;
        }
        return -1;
    }
}
