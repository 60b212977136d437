package org.iotb.fs.ext;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.util.List;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.fs.common.Names;

/**
 * Linear directory entries (inode, rec_len, name_len, file type, name). Hash-tree directories are read the
 * same way: their index blocks look like empty entries. A bad rec_len ends the current block, not the walk.
 */
final class ExtDirectory {
    record Entry(long inode, String name) {
    }

    private ExtDirectory() {
    }

    /** Parses {@code data[from, to)} in chunks of {@code chunk} bytes (the block size, or the whole inline area). */
    static void parse(byte[] data, int from, int to, int chunk, boolean fileType, List<Entry> out,
                      List<String> problems) throws CorruptImageException {
        for (int start = from; start < to; start += chunk) {
            int end = Math.min(to, start + chunk);
            int p = start;
            while (p + 8 <= end) {
                long inode = Bytes.u32(data, p, LITTLE_ENDIAN);
                int recLen = Bytes.u16(data, p + 4, LITTLE_ENDIAN);
                int nameLen = fileType ? Bytes.u8(data, p + 6) : Bytes.u16(data, p + 6, LITTLE_ENDIAN);
                if (recLen < 8 || (recLen & 3) != 0 || p + recLen > end || 8 + nameLen > recLen) {
                    problems.add("bad directory entry at " + p + " (rec_len " + recLen + ")");
                    break;
                }
                if (inode != 0 && nameLen > 0) {
                    out.add(new Entry(inode, Names.decode(data, p + 8, nameLen)));
                }
                p += recLen;
            }
        }
    }
}
