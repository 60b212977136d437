package org.iotb.fs.flash.ubi;

import java.io.IOException;
import org.iotb.unpack.spi.ByteSource;

/**
 * Where the eraseblocks of one UBI image sit: first offset, PEB size (found from the spacing of erase-counter
 * headers, which UBI does not store), header offsets, and how many PEBs follow.
 */
record UbiLayout(long start, long pebSize, long vidOffset, long dataOffset, long imageSeq, long pebCount) {
    static final int MIN_PEB_SHIFT = 9;   // 512 bytes (tiny test images use 1 KiB)
    static final int MAX_PEB_SHIFT = 22;  // 4 MiB
    /** More PEBs than any real flash chip (64 GiB of 64 KiB blocks); bounds the header scan. */
    static final long MAX_PEBS = 1L << 20;

    long lebSize() {
        return pebSize - dataOffset;
    }

    long pebPos(long index) {
        return start + index * pebSize;
    }

    /** Validates an EC header at {@code start} and measures the image; null when it is not UBI. */
    static UbiLayout detect(ByteSource s, long start) throws IOException {
        UbiHeaders.Ec first = UbiHeaders.ec(s, start);
        if (first == null) {
            return null;
        }
        long peb = 0;
        for (int shift = MIN_PEB_SHIFT; shift <= MAX_PEB_SHIFT; shift++) {
            long candidate = 1L << shift;
            if (candidate <= first.dataOffset()) {
                continue;
            }
            if (start + candidate >= s.size()) {
                break;
            }
            UbiHeaders.Ec next = UbiHeaders.ec(s, start + candidate);
            if (next != null && next.imageSeq() == first.imageSeq()) {
                peb = candidate;
                break;
            }
        }
        if (peb == 0) {
            // A single eraseblock: it must hold a valid VID header to count as UBI.
            long rest = s.size() - start;
            if (rest <= first.dataOffset() || UbiHeaders.vid(s, start + first.vidOffset()) == null) {
                return null;
            }
            return new UbiLayout(start, rest, first.vidOffset(), first.dataOffset(), first.imageSeq(), 1);
        }
        long last = 0;
        for (long i = 1; i < MAX_PEBS && start + (i + 1) * peb <= s.size(); i++) {
            UbiHeaders.Ec ec = UbiHeaders.ec(s, start + i * peb);
            if (ec != null) {
                if (ec.imageSeq() != first.imageSeq()) {
                    break; // another UBI image starts here
                }
                last = i;
            }
        }
        return new UbiLayout(start, peb, first.vidOffset(), first.dataOffset(), first.imageSeq(), last + 1);
    }
}
