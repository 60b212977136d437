package org.iotb.fs.cramfs;

import java.io.IOException;
import java.util.function.Consumer;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.codec.BlockDecompressor;
import org.iotb.unpack.spi.ByteSource;

/**
 * A cramfs file's bytes: a table of block end pointers, then 4 KiB pages compressed one by one with zlib. A
 * block whose start equals its end is a hole. A corrupt block ends the stream with a warning.
 */
final class CramfsFile extends org.iotb.fs.common.RefillingStream {
    static final int PAGE = 4096;
    private static final long UNCOMPRESSED = 1L << 31;
    private static final long DIRECT = 1L << 30;

    private final ByteSource fs;
    private final CramfsSuper sb;
    private final BlockDecompressor zlib;
    private final CramfsInode inode;
    private final long limit;
    private final long blocks;
    private long index;
    private long prevEnd;
    private final byte[] page = new byte[PAGE];

    CramfsFile(ByteSource fs, CramfsSuper sb, BlockDecompressor zlib, CramfsInode inode, long limit, String path,
               Consumer<String> warn) {
        super("cramfs: " + path, warn);
        this.fs = fs;
        this.sb = sb;
        this.zlib = zlib;
        this.inode = inode;
        this.limit = limit;
        this.blocks = (inode.size() + PAGE - 1) / PAGE;
        this.prevEnd = inode.offset() + 4 * blocks;
    }

    @Override
    protected boolean exhausted() {
        return index >= blocks;
    }

    @Override
    protected void refill() throws IOException {
        int expected = (int) Math.min(PAGE, inode.size() - index * PAGE);
        long ptrPos = inode.offset() + 4 * index;
        if (ptrPos + 4 > limit) {
            throw new CorruptImageException("block pointer outside the image");
        }
        long ptr = Bytes.u32(fs.bytes(ptrPos, 4), 0, sb.order());
        index++;
        boolean raw = false;
        if ((sb.flags() & CramfsSuper.FLAG_EXT_BLOCK_POINTERS) != 0) {
            if ((ptr & DIRECT) != 0) {
                throw new CorruptImageException("direct block pointers are not supported");
            }
            raw = (ptr & UNCOMPRESSED) != 0;
            ptr &= DIRECT - 1;
        }
        long start = prevEnd;
        long end = ptr;
        prevEnd = end;
        deliver(page, expected);
        if (end == start) { // a hole
            java.util.Arrays.fill(page, 0, expected, (byte) 0);
            return;
        }
        if (end < start || end > limit || end - start > 2 * PAGE) {
            throw new CorruptImageException("block " + (index - 1) + " spans " + start + ".." + end);
        }
        byte[] in = fs.bytes(start, (int) (end - start));
        int got;
        if (raw) {
            got = Math.min(in.length, PAGE);
            System.arraycopy(in, 0, page, 0, got);
        } else {
            got = zlib.decompress(in, 0, in.length, page, PAGE);
        }
        if (got != expected) {
            throw new CorruptImageException("block " + (index - 1) + " holds " + got + " bytes, expected " + expected);
        }
    }
}
