package org.iotb.fs.flash.ubifs;

import java.io.IOException;
import java.util.TreeMap;
import org.iotb.unpack.codec.KnownSizeBlocks;
import org.iotb.fs.flash.common.Endian;

/** A UBIFS file read block by block (4 KiB each) from its data nodes; missing blocks are holes. */
final class UbifsFileStream extends org.iotb.fs.flash.common.PositionedFileStream {
    private static final Endian LE = Endian.LITTLE;
    private final UbifsNodes nodes;
    private final TreeMap<Long, long[]> blocks;
    private final long inum;
    private final org.iotb.fs.flash.common.Warnings warnings;
    private long cachedBlock = -1;
    private byte[] cached;

    UbifsFileStream(UbifsNodes nodes, TreeMap<Long, long[]> blocks, long size, long inum,
                    org.iotb.fs.flash.common.Warnings warnings) {
        super(size);
        this.warnings = warnings;
        this.nodes = nodes;
        this.blocks = blocks;
        this.inum = inum;
    }

    @Override
    protected int readAt(long pos, byte[] b, int off, int len) throws IOException {
        long block = pos / UbifsFormat.BLOCK_SIZE;
        int within = (int) (pos % UbifsFormat.BLOCK_SIZE);
        byte[] data = block(block);
        int n = Math.min(len, UbifsFormat.BLOCK_SIZE - within);
        System.arraycopy(data, within, b, off, n);
        return n;
    }

    private byte[] block(long block) throws IOException {
        if (block == cachedBlock) {
            return cached;
        }
        byte[] out = new byte[UbifsFormat.BLOCK_SIZE];
        long[] at = blocks.get(block);
        if (at != null) {
            try {
                decode(at, block, out);
            } catch (IOException | RuntimeException e) {
                // One bad block must not hide the rest of the file: it reads as zeros, and the manifest says so.
                warnings.warn("unreadable data block", e.getMessage() + "; block left as zeros");
                java.util.Arrays.fill(out, (byte) 0);
            }
        }
        cachedBlock = block;
        cached = out;
        return out;
    }

    private void decode(long[] at, long block, byte[] out) throws IOException {
        {
            byte[] n = nodes.read(at[0], at[1], UbifsFormat.DATA_NODE);
            if (n == null) {
                throw new IOException("inode " + inum + " block " + block + ": " + nodes.lastError);
            }
            long plain = LE.u32(n, 40);
            int compr = LE.u16(n, 44);
            if (plain > UbifsFormat.BLOCK_SIZE) {
                throw new IOException("inode " + inum + " block " + block + " claims " + plain + " bytes");
            }
            int clen = n.length - UbifsFormat.DATA_HEADER;
            int p = (int) plain;
            byte[] d = switch (compr) {
                case UbifsFormat.COMPR_NONE -> {
                    if (clen < p) {
                        throw new IOException("inode " + inum + " block " + block + " is short");
                    }
                    yield java.util.Arrays.copyOfRange(n, UbifsFormat.DATA_HEADER, UbifsFormat.DATA_HEADER + p);
                }
                case UbifsFormat.COMPR_LZO -> KnownSizeBlocks.lzo(n, UbifsFormat.DATA_HEADER, clen, p);
                case UbifsFormat.COMPR_ZLIB -> KnownSizeBlocks.inflate(n, UbifsFormat.DATA_HEADER, clen, p, true);
                case UbifsFormat.COMPR_ZSTD -> KnownSizeBlocks.zstd(n, UbifsFormat.DATA_HEADER, clen, p);
                default -> throw new IOException("inode " + inum + " block " + block + ": unknown compressor " + compr);
            };
            System.arraycopy(d, 0, out, 0, p);
        }
    }
}
