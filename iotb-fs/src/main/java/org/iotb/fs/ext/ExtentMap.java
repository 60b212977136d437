package org.iotb.fs.ext;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;

/**
 * ext4 extent trees of any depth. The leaves are collected once (bounded count, visited set over tree blocks,
 * depth cap) and looked up by binary search. Uninitialised extents read as zeros, as the kernel does.
 */
final class ExtentMap implements BlockMap {
    private static final int MAGIC = 0xF30A;
    private static final int MAX_DEPTH = 5;
    private static final int MAX_EXTENTS = 1 << 18;

    private record Extent(long logical, int length, long physical) {
    }

    private final List<Extent> extents = new ArrayList<>();
    private int last;

    ExtentMap(ExtVolume vol, byte[] iBlock) throws IOException {
        collect(vol, iBlock, MAX_DEPTH + 1, new HashSet<>());
        extents.sort(Comparator.comparingLong(Extent::logical));
    }

    private void collect(ExtVolume vol, byte[] node, int depthLeft, Set<Long> visited) throws IOException {
        if (Bytes.u16(node, 0, LITTLE_ENDIAN) != MAGIC) {
            throw new CorruptImageException("extent node without magic");
        }
        int entries = Bytes.u16(node, 2, LITTLE_ENDIAN);
        int depth = Bytes.u16(node, 6, LITTLE_ENDIAN);
        if (depth >= depthLeft || 12 + 12L * entries > node.length) {
            throw new CorruptImageException("extent node inconsistent (depth " + depth + ", " + entries + " entries)");
        }
        for (int i = 0; i < entries; i++) {
            int p = 12 + 12 * i;
            long logical = Bytes.u32(node, p, LITTLE_ENDIAN);
            if (depth == 0) {
                int len = Bytes.u16(node, p + 4, LITTLE_ENDIAN);
                boolean uninit = len > 32768;
                if (uninit) {
                    len -= 32768;
                }
                long start = Bytes.u16(node, p + 6, LITTLE_ENDIAN) << 32 | Bytes.u32(node, p + 8, LITTLE_ENDIAN);
                if (extents.size() >= MAX_EXTENTS) {
                    throw new CorruptImageException("more than " + MAX_EXTENTS + " extents");
                }
                extents.add(new Extent(logical, len, uninit ? 0 : start));
            } else {
                long leaf = Bytes.u32(node, p + 4, LITTLE_ENDIAN) | (long) Bytes.u16(node, p + 8, LITTLE_ENDIAN) << 32;
                if (!visited.add(leaf)) {
                    throw new CorruptImageException("extent tree block " + leaf + " referenced twice");
                }
                collect(vol, vol.block(leaf), depth, visited);
            }
        }
    }

    @Override
    public long physical(long n) {
        if (last < extents.size() && contains(extents.get(last), n)) {
            Extent e = extents.get(last);
            return e.physical() == 0 ? 0 : e.physical() + (n - e.logical());
        }
        int lo = 0;
        int hi = extents.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Extent e = extents.get(mid);
            if (n < e.logical()) {
                hi = mid - 1;
            } else if (n >= e.logical() + e.length()) {
                lo = mid + 1;
            } else {
                last = mid;
                return e.physical() == 0 ? 0 : e.physical() + (n - e.logical());
            }
        }
        return 0;
    }

    private static boolean contains(Extent e, long n) {
        return n >= e.logical() && n < e.logical() + e.length();
    }
}
