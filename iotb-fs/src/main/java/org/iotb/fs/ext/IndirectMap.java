package org.iotb.fs.ext;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.io.IOException;
import org.iotb.unpack.io.Bytes;

/** ext2/3 block pointers: 12 direct, then single, double and triple indirect blocks. */
final class IndirectMap implements BlockMap {
    private final ExtVolume vol;
    private final byte[] iBlock;
    private final long perBlock;

    IndirectMap(ExtVolume vol, byte[] iBlock) {
        this.vol = vol;
        this.iBlock = iBlock;
        this.perBlock = vol.blockSize() / 4;
    }

    @Override
    public long physical(long n) throws IOException {
        if (n < 12) {
            return Bytes.u32(iBlock, (int) n * 4, LITTLE_ENDIAN);
        }
        n -= 12;
        if (n < perBlock) {
            return walk(Bytes.u32(iBlock, 48, LITTLE_ENDIAN), n, 1);
        }
        n -= perBlock;
        if (n < perBlock * perBlock) {
            return walk(Bytes.u32(iBlock, 52, LITTLE_ENDIAN), n, 2);
        }
        n -= perBlock * perBlock;
        if (n < perBlock * perBlock * perBlock) {
            return walk(Bytes.u32(iBlock, 56, LITTLE_ENDIAN), n, 3);
        }
        return 0;
    }

    private long walk(long block, long n, int levels) throws IOException {
        for (int level = levels - 1; level >= 0; level--) {
            if (block == 0) {
                return 0;
            }
            long span = 1;
            for (int i = 0; i < level; i++) {
                span *= perBlock;
            }
            byte[] b = vol.block(block);
            block = Bytes.u32(b, (int) (n / span) * 4, LITTLE_ENDIAN);
            n %= span;
        }
        return block;
    }
}
