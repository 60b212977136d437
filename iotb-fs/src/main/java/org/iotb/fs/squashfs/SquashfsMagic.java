package org.iotb.fs.squashfs;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The four bytes a squashfs superblock starts with, and the byte order each announces. Besides the two magics of
 * the reference tools, vendors stamped their own so that stock tools would refuse their images; the layout behind
 * them is unchanged (sasquatch, binwalk's and unblob's squashfs signatures accept the same list):
 * <ul>
 *   <li>{@code hsqs} / {@code sqsh}: squashfs-tools, little-/big-endian;</li>
 *   <li>{@code shsq} / {@code qshs}: the "squashfs-lzma" patch set (SQUASHFS_MAGIC_LZMA and its swap), seen in
 *       Ralink/Broadcom SDK builds and the Huawei HG532e;</li>
 *   <li>{@code hsqt} / {@code tqsh}: DD-WRT builds, little-/big-endian;</li>
 *   <li>{@code sqlz}: big-endian LZMA builds (binwalk: "Squashfs filesystem, big endian, lzma compression").</li>
 * </ul>
 */
record SquashfsMagic(String text, ByteOrder order, String origin) {

    static final List<SquashfsMagic> ALL = List.of(
            new SquashfsMagic("hsqs", ByteOrder.LITTLE_ENDIAN, "standard"),
            new SquashfsMagic("sqsh", ByteOrder.BIG_ENDIAN, "standard"),
            new SquashfsMagic("shsq", ByteOrder.LITTLE_ENDIAN, "vendor (squashfs-lzma)"),
            new SquashfsMagic("qshs", ByteOrder.BIG_ENDIAN, "vendor (squashfs-lzma)"),
            new SquashfsMagic("hsqt", ByteOrder.LITTLE_ENDIAN, "vendor (DD-WRT)"),
            new SquashfsMagic("tqsh", ByteOrder.BIG_ENDIAN, "vendor (DD-WRT)"),
            new SquashfsMagic("sqlz", ByteOrder.BIG_ENDIAN, "vendor (LZMA)"));

    /** The magic these bytes start with, or null. */
    static SquashfsMagic of(byte[] b) {
        if (b.length < 4) {
            return null;
        }
        String head = new String(b, 0, 4, StandardCharsets.ISO_8859_1);
        for (SquashfsMagic m : ALL) {
            if (m.text.equals(head)) {
                return m;
            }
        }
        return null;
    }

    boolean standard() {
        return "standard".equals(origin);
    }
}
