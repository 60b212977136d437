package org.iotb.fs.flash.jffs2;

import java.io.IOException;
import org.iotb.unpack.spi.ByteSource;

/** Reads a file's bytes from its fragment map, decompressing one node at a time; holes read as zeros. */
final class Jffs2FileStream extends org.iotb.fs.flash.common.PositionedFileStream {
    private final ByteSource source;
    private final Fragments frags;
    private final org.iotb.fs.flash.common.Warnings warnings;
    private final long ino;
    private DataNode cachedNode;
    private byte[] cachedData;

    Jffs2FileStream(ByteSource source, Fragments frags, long size, long ino, org.iotb.fs.flash.common.Warnings warnings) {
        super(size);
        this.ino = ino;
        this.warnings = warnings;
        this.source = source;
        this.frags = frags;
    }

    @Override
    protected int readAt(long pos, byte[] b, int off, int len) throws IOException {
        Fragments.Frag f = frags.at(pos);
        int n;
        if (f == null) {
            long holeEnd = Math.min(size(), frags.nextStart(pos));
            n = (int) Math.min(len, holeEnd - pos);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
        } else {
            byte[] data = nodeData(f.node());
            int within = (int) (pos - f.node().offset());
            n = (int) Math.min(len, f.end() - pos);
            System.arraycopy(data, within, b, off, n);
        }
        return n;
    }

    private byte[] nodeData(DataNode node) throws IOException {
        if (node != cachedNode) {
            try {
                byte[] stored = node.compr() == Jffs2Format.COMPR_ZERO ? new byte[0] : source.bytes(node.dataPos(), node.csize());
                cachedData = Jffs2Codec.decode(node.compr(), stored, node.dsize());
            } catch (IOException | RuntimeException e) {
                // One undecodable node must not hide the rest of the file: its range reads as zeros.
                warnings.warn("undecodable data node", "inode " + ino + " bytes " + node.offset() + "+" + node.dsize() + " ("
                        + Jffs2Format.comprName(node.compr()) + "): " + e.getMessage() + "; left as zeros");
                cachedData = new byte[node.dsize()];
            }
            cachedNode = node;
        }
        return cachedData;
    }
}
