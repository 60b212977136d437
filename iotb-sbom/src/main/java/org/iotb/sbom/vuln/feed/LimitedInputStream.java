package org.iotb.sbom.vuln.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes at most {@code limit} bytes through and fails beyond: a feed larger than its cap is refused, not truncated. */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long count;

    public LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        add(s);
        return s;
    }

    private void add(long n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(what + " is larger than the limit of " + limit + " bytes");
        }
    }

    /** More bytes than the cap allows. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public TooLargeException(String message) {
            super(message);
        }
    }
}
