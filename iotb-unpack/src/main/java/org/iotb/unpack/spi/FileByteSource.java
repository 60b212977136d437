package org.iotb.unpack.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file read with positional reads through a {@link FileChannel}; thread-safe, nothing slurped. */
final class FileByteSource implements ByteSource {
    private final FileChannel channel;
    private final long size;

    FileByteSource(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long pos, byte[] buf, int off, int len) throws IOException {
        if (pos < 0 || pos >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - pos);
        return channel.read(ByteBuffer.wrap(buf, off, n), pos);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
