package org.iotb.fs.squashfs;

import java.nio.ByteOrder;

/**
 * What the readers need from a superblock of any squashfs version: byte order, block size, table positions.
 * {@code fragmentEntrySize} is 16 (v3/v4: 64-bit start, size, unused) or 8 (v2: 32-bit start, size);
 * {@code fragmentPointerSize} is the width of the fragment index entries (8 or 4).
 */
record Geometry(ByteOrder order, int major, int minor, int blockSize, long bytesUsed, long inodeTableStart,
                long directoryTableStart, long fragmentTableStart, long fragmentCount, long rootInode,
                boolean checkData, int fragmentEntrySize, int fragmentPointerSize, long inodeCount) {
}
