package org.iotb.fs.flash.jffs2;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.iotb.fs.flash.common.Crc32Raw;

/**
 * Writes JFFS2 nodes one by one, for log histories that mkfs.jffs2 never produces (several versions, deletions,
 * overlapping writes, loops). Layout per linux/include/uapi/linux/jffs2.h; mkfs-built images cover the rest.
 */
final class Jffs2LogWriter {
    private final ByteOrder order;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Jffs2LogWriter(ByteOrder order) {
        this.order = order;
    }

    Jffs2LogWriter dirent(long pino, long version, long ino, String name, int dtype) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(40 + n.length).order(order);
        header(b, Jffs2Format.DIRENT);
        b.putInt(12, (int) pino).putInt(16, (int) version).putInt(20, (int) ino).putInt(24, 0);
        b.put(28, (byte) n.length).put(29, (byte) dtype);
        b.putInt(32, Crc32Raw.jffs2(b.array(), 0, 32));
        b.putInt(36, Crc32Raw.jffs2(n, 0, n.length));
        b.put(40, n);
        return append(b.array());
    }

    Jffs2LogWriter inode(long ino, long version, int mode, long isize, long offset, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(68 + data.length).order(order);
        header(b, Jffs2Format.INODE);
        b.putInt(12, (int) ino).putInt(16, (int) version).putInt(20, mode).putInt(28, (int) isize);
        b.putInt(36, 1_600_000_000).putInt(44, (int) offset).putInt(48, data.length).putInt(52, data.length);
        b.put(56, (byte) Jffs2Format.COMPR_NONE);
        b.put(68, data);
        b.putInt(60, Crc32Raw.jffs2(data, 0, data.length));
        b.putInt(64, Crc32Raw.jffs2(b.array(), 0, 60));
        return append(b.array());
    }

    /** Raw bytes (a corrupt node, padding, junk). */
    Jffs2LogWriter raw(byte[] bytes) {
        return append(bytes);
    }

    private void header(ByteBuffer b, int type) {
        b.putShort(0, (short) Jffs2Format.MAGIC).putShort(2, (short) type).putInt(4, b.capacity());
        b.putInt(8, Crc32Raw.jffs2(b.array(), 0, 8));
    }

    private Jffs2LogWriter append(byte[] node) {
        out.writeBytes(node);
        for (int pad = (4 - node.length % 4) % 4; pad > 0; pad--) {
            out.write(0xff);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
