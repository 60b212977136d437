package org.iotb.fs.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.iotb.unpack.io.CorruptImageException;

/**
 * A file read chunk by chunk (a cramfs page, a run of ext blocks): subclasses produce the next chunk; this class
 * hands its bytes out, ends the file when it is exhausted, and cuts it short with a warning at the first corrupt
 * chunk instead of failing the whole extraction.
 */
public abstract class RefillingStream extends InputStream {
    private final String where;
    private final Consumer<String> warn;
    private byte[] chunk = new byte[0];
    private int pos;
    private int len;
    private boolean failed;

    /** @param where how warnings name the file, e.g. "cramfs: etc/passwd" */
    protected RefillingStream(String where, Consumer<String> warn) {
        this.where = where;
        this.warn = warn;
    }

    /** True when every chunk of the file has been produced. */
    protected abstract boolean exhausted();

    /** Produces the next chunk and passes it to {@link #deliver}; throws on a corrupt structure. */
    protected abstract void refill() throws IOException;

    /** The chunk the next reads hand out: the first {@code length} bytes of {@code data}. */
    protected final void deliver(byte[] data, int length) {
        chunk = data;
        pos = 0;
        len = length;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public final int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        while (pos >= len) {
            if (failed || exhausted()) {
                return -1;
            }
            try {
                refill();
            } catch (CorruptImageException e) {
                failed = true;
                warn.accept(where + ": " + e.getMessage() + "; file cut short");
                return -1;
            }
        }
        int k = Math.min(n, len - pos);
        System.arraycopy(chunk, pos, b, off, k);
        pos += k;
        return k;
    }
}
