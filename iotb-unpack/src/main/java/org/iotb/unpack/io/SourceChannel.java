package org.iotb.unpack.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.iotb.unpack.spi.ByteSource;

/** A read-only {@link SeekableByteChannel} over a {@link ByteSource}, for libraries that want random access. */
public final class SourceChannel implements SeekableByteChannel {
    private final ByteSource source;
    private long pos;
    private boolean open = true;

    public SourceChannel(ByteSource source) {
        this.source = source;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (pos >= source.size()) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), Math.min(source.size() - pos, 1 << 20));
        byte[] b = new byte[want];
        int n = source.read(pos, b, 0, want);
        if (n <= 0) {
            return -1;
        }
        dst.put(b, 0, n);
        pos += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return pos;
    }

    @Override
    public SeekableByteChannel position(long p) {
        pos = Math.max(0, p);
        return this;
    }

    @Override
    public long size() {
        return source.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
